using System.Globalization;
using System.Text;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Generates a synthetic tenant export shaped like real ones: Settings Catalog profiles with the PassportForWork group
/// plus unrelated settings (most of a real profile is not WHfB), and custom OMA-URI profiles, each assigned to groups.
/// Deterministic for a given seed so runs compare.
/// </summary>
public static class SyntheticTenant
{
    private static readonly string[] Leaves =
    [
        "usepassportforwork", "requiresecuritydevice", "usecloudtrustforonpremauth", "usecertificateforonpremauth",
        "enablepinrecovery", "pincomplexity_minimumpinlength", "pincomplexity_maximumpinlength", "pincomplexity_digits",
        "pincomplexity_history", "pincomplexity_expiration",
    ];

    public static List<(string Name, byte[] Bytes)> Generate(int profiles, int seed = 42)
    {
        var random = new Random(seed);
        var files = new List<(string, byte[])>(profiles);
        for (var i = 0; i < profiles; i++)
        {
            var text = i % 4 == 3 ? CustomOma(i, random) : SettingsCatalog(i, random);
            files.Add(($"profile-{i:D5}.json", Encoding.UTF8.GetBytes(text)));
        }

        return files;
    }

    private static string Group(Random random) => $"00000000-0000-4000-8000-{random.Next(0, 40):D12}";

    private static string Assignments(Random random) => $$"""
          "assignments": [
            { "id": "{{Guid.NewGuid()}}", "source": "direct", "target": { "@odata.type": "#microsoft.graph.groupAssignmentTarget", "deviceAndAppManagementAssignmentFilterId": null, "deviceAndAppManagementAssignmentFilterType": "none", "groupId": "{{Group(random)}}" } },
            { "id": "{{Guid.NewGuid()}}", "source": "direct", "target": { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "deviceAndAppManagementAssignmentFilterId": null, "deviceAndAppManagementAssignmentFilterType": "none", "groupId": "{{Group(random)}}" } }
          ]
        """;

    private static string SettingsCatalog(int index, Random random)
    {
        var children = new List<string>();
        foreach (var leaf in Leaves.Where(_ => random.Next(3) > 0))
        {
            var id = "device_vendor_msft_passportforwork_{tenantid}_policies_" + leaf;
            children.Add(leaf.Contains("length", StringComparison.Ordinal) || leaf.Contains("history", StringComparison.Ordinal) || leaf.Contains("expiration", StringComparison.Ordinal)
                ? $$"""{ "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance", "settingDefinitionId": "{{id}}", "settingInstanceTemplateReference": null, "simpleSettingValue": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue", "settingValueTemplateReference": null, "value": {{random.Next(4, 20).ToString(CultureInfo.InvariantCulture)}} } }"""
                : $$"""{ "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance", "settingDefinitionId": "{{id}}", "settingInstanceTemplateReference": null, "choiceSettingValue": { "settingValueTemplateReference": null, "value": "{{id}}_{{(random.Next(2) == 0 ? "true" : "false")}}", "children": [] } }""");
        }

        // Unrelated settings make up most of a real profile and must be walked past cheaply.
        var unrelated = string.Join(",\n", Enumerable.Range(0, 20).Select(k =>
            $$"""{ "id": "{{k + 1}}", "settingInstance": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance", "settingDefinitionId": "device_vendor_msft_policy_config_devicelock_setting{{k}}", "settingInstanceTemplateReference": null, "choiceSettingValue": { "settingValueTemplateReference": null, "value": "device_vendor_msft_policy_config_devicelock_setting{{k}}_1", "children": [] } } }"""));

        return $$"""
            {
              "@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies(settings(),assignments())/$entity",
              "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
              "id": "{{Guid.NewGuid()}}",
              "name": "Synthetic WHfB profile {{index}}",
              "description": "Generated for benchmarks.",
              "platforms": "windows10",
              "technologies": "mdm",
              "roleScopeTagIds": [ "0" ],
              "templateReference": { "templateId": "", "templateFamily": "none", "templateDisplayName": null, "templateDisplayVersion": null },
              "settings": [
                { "id": "0", "settingInstance": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance", "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}", "settingInstanceTemplateReference": null,
                  "groupSettingCollectionValue": [ { "settingValueTemplateReference": null, "children": [
                    {{string.Join(",\n", children)}}
                  ] } ] } },
                {{unrelated}}
              ],
            {{Assignments(random)}}
            }
            """;
    }

    private static string CustomOma(int index, Random random)
    {
        var rows = string.Join(",\n", Enumerable.Range(0, 6).Select(k => $$"""
                { "@odata.type": "#microsoft.graph.omaSettingBoolean", "displayName": "Row {{k}}", "description": null,
                  "omaUri": "./Device/Vendor/MSFT/PassportForWork/9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a/Policies/{{(k % 2 == 0 ? "RequireSecurityDevice" : "EnablePinRecovery")}}",
                  "secretReferenceValueId": null, "isEncrypted": false, "value": {{(random.Next(2) == 0 ? "true" : "false")}} }
            """));
        return $$"""
            {
              "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
              "id": "{{Guid.NewGuid()}}",
              "displayName": "Synthetic OMA profile {{index}}",
              "omaSettings": [
            {{rows}}
              ],
            {{Assignments(random)}}
            }
            """;
    }
}

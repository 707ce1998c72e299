namespace PolicyLint.Tests.Support;

/// <summary>Builders of small, realistic Graph-shaped exports for tests (markers pass through untouched).</summary>
public static class Exports
{
    public const string TenantId = "9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a";

    /// <summary>A Settings Catalog policy whose PassportForWork group holds the given children (already-formatted JSON).</summary>
    public static string SettingsCatalog(string name, string children, string assignments = "", string id = "11111111-0000-0000-0000-000000000001") => $$"""
        {
          "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
          "id": "{{id}}",
          "name": "{{name}}",
          "platforms": "windows10",
          "technologies": "mdm",
          "templateReference": { "templateId": "", "templateFamily": "none", "templateDisplayName": null },
          "settings": [
            {
              "id": "0",
              "settingInstance": {
                "@odata.type": "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance",
                "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}",
                "groupSettingCollectionValue": [
                  {
                    "children": [
        {{children}}
                    ]
                  }
                ]
              }
            }
          ]{{(assignments.Length > 0 ? ",\n  \"assignments\": " + assignments : string.Empty)}}
        }
        """;

    /// <summary>One choice child of the device PassportForWork group: <c>leaf</c> is the id suffix, <c>value</c> the choice suffix.</summary>
    public static string Choice(string leaf, string value, string scope = "device") => $$"""
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                        "settingDefinitionId": "{{scope}}_vendor_msft_passportforwork_{tenantid}_policies_{{leaf}}",
                        "choiceSettingValue": { "value": "{{scope}}_vendor_msft_passportforwork_{tenantid}_policies_{{leaf}}_{{value}}", "children": [] }
                      }
        """;

    public static string CustomOma(string name, string rows, string assignments = "") => $$"""
        {
          "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
          "id": "22222222-0000-0000-0000-000000000002",
          "displayName": "{{name}}",
          "omaSettings": [
        {{rows}}
          ]{{(assignments.Length > 0 ? ",\n  \"assignments\": " + assignments : string.Empty)}}
        }
        """;

    public static string OmaBoolean(string uri, string value) => $$"""
            {
              "@odata.type": "#microsoft.graph.omaSettingBoolean",
              "displayName": "row",
              "omaUri": {{uri}},
              "isEncrypted": false,
              "value": {{value}}
            }
        """;

    public static string GroupAssignment(string groupId) => $$"""
        [ { "target": { "@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "{{groupId}}", "deviceAndAppManagementAssignmentFilterType": "none" } } ]
        """;

    /// <summary>An Identity Protection profile with the given properties (already-formatted JSON members).</summary>
    public static string IdentityProtection(string name, string properties, string assignments = "", string id = "33333333-0000-0000-0000-000000000003") => $$"""
        {
          "@odata.type": "#microsoft.graph.windowsIdentityProtectionConfiguration",
          "id": "{{id}}",
          "displayName": "{{name}}",
        {{properties}}{{(assignments.Length > 0 ? ",\n  \"assignments\": " + assignments : string.Empty)}}
        }
        """;

    /// <summary>An Account protection (Preview) intent whose settings are (property, valueJson text) pairs.</summary>
    public static string PreviewIntent(string name, string settings, string assignments = "", string templateId = "0f2b5d70-d4e9-4156-8c16-1397eb6c54a5") => $$"""
        {
          "@odata.type": "#microsoft.graph.deviceManagementIntent",
          "id": "44444444-0000-0000-0000-000000000004",
          "displayName": "{{name}}",
          "templateId": "{{templateId}}",
          "settings": [
        {{settings}}
          ]{{(assignments.Length > 0 ? ",\n  \"assignments\": " + assignments : string.Empty)}}
        }
        """;

    /// <summary>One intent setting: <c>valueJson</c> is written as given (it is already JSON string syntax).</summary>
    public static string IntentSetting(string property, string valueJson) => $$"""
            { "@odata.type": "#microsoft.graph.deviceManagementStringSettingInstance",
              "definitionId": "deviceConfiguration--windowsIdentityProtectionConfiguration_{{property}}",
              "valueJson": {{valueJson}} }
        """;

    public static string TenantWide(string state, string more = "") => $$"""
        {
          "@odata.type": "#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration",
          "id": "55555555-0000-0000-0000-000000000005_DefaultWindowsHelloForBusiness",
          "displayName": "All users and all devices",
          "priority": 0,
          "state": {{state}},
          "pinMinimumLength": 6{{more}}
        }
        """;

    public static string AllDevices() => """
        [ { "target": { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } } ]
        """;
}

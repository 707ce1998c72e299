using System.Text;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Fuzz;

/// <summary>One file written with its folder companions; <see cref="Target"/> is the file that gets mutated.</summary>
public sealed record FuzzCase(string Name, IReadOnlyList<(string RelativePath, byte[] Bytes)> Files, int Target, string Kind, SeedEncoding Encoding)
{
    public string TargetPath => Files[Target].RelativePath;

    public byte[] TargetBytes => Files[Target].Bytes;
}

/// <summary>
/// The seeds the fuzz test mutates: every sample file (with the files beside it, since companions such as a backup's
/// registry.pol or an intent's _Settings.json are read together), fixtures built like the reader tests build theirs
/// for the forms the samples lack, and the real corpus in ../shared when it is there (read in place, never copied).
/// </summary>
public static class FuzzSeeds
{
    private const string PfwKey = @"SOFTWARE\Policies\Microsoft\PassportForWork";

    public static IReadOnlyList<FuzzCase> All()
    {
        var cases = new List<FuzzCase>();
        cases.AddRange(FromFolder(RepoPaths.Samples, "samples"));
        cases.AddRange(Fixtures());
        if (RepoPaths.Shared is { } shared && Directory.Exists(Path.Combine(shared, "corpus", "real")))
        {
            cases.AddRange(FromFolder(Path.Combine(shared, "corpus", "real"), "corpus"));
        }

        return cases;
    }

    /// <summary>
    /// Each policy file of a folder tree, with the files of its group: a Backup-GPO folder ({GUID}) as a whole,
    /// otherwise the files in the same folder.
    /// </summary>
    private static IEnumerable<FuzzCase> FromFolder(string root, string label)
    {
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            // Not exports: documentation, configuration, and custom rules' C# (samples/custom-rules), which a folder walk leaves out.
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(f) != ".policylint.yml")
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            var groupRoot = BackupRoot(file) ?? Path.GetDirectoryName(file)!;
            var group = (BackupRoot(file) is null
                    ? Directory.GetFiles(groupRoot).Where(f => files.Contains(f))
                    : files.Where(f => f.StartsWith(groupRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal)
                .ToList();
            var entries = group.Select(f => (Path.GetRelativePath(groupRoot, f).Replace('\\', '/'), File.ReadAllBytes(f))).ToList();
            var target = group.IndexOf(file);
            var name = label + "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            yield return Case(name, entries, target);
        }
    }

    private static string? BackupRoot(string file)
    {
        for (var dir = Path.GetDirectoryName(file); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 38 && name[0] == '{' && Guid.TryParse(name, out _))
            {
                return dir;
            }
        }

        return null;
    }

    /// <summary>Forms the samples do not hold as files of their own, built with the same helpers the reader tests use.</summary>
    private static IEnumerable<FuzzCase> Fixtures()
    {
        var utf8 = new UTF8Encoding(false);
        var settingsCatalog = SettingsCatalog("Fixture SC", Choice("usecloudtrustforonpremauth", "true") + ",\n" + Choice("requiresecuritydevice", "false"), GroupAssignment("a1b2c3d4-0000-0000-0000-000000000001"));
        var customOma = CustomOma("Fixture OMA", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true") + ",\n"
            + OmaBoolean("\"./User/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth\"", "false"), AllDevices());

        // CIPP template: the policy is JSON text inside RAWJson, itself JSON text inside JSON.
        var inner = System.Text.Json.JsonSerializer.Serialize(new { Displayname = "CXNM - Wrapped", RAWJson = settingsCatalog.ReplaceLineEndings(" ") });
        var cipp = System.Text.Json.JsonSerializer.Serialize(new { PartitionKey = "IntuneTemplate", JSON = inner });
        yield return Text("fixture/cipp-json-in-json", "template.json", cipp, utf8);

        // A whole file that is one JSON string (double-encoded export).
        yield return Text("fixture/double-encoded-file", "double.json", System.Text.Json.JsonSerializer.Serialize(customOma), utf8);

        yield return Text("fixture/graph-value-list", "list.json", $$"""
            { "@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies", "value": [
            {{settingsCatalog}},
            {{customOma}}
            ] }
            """, utf8);

        yield return Text("fixture/identity-protection-utf16le-nobom", "identity.json",
            IdentityProtection("Fixture IP", """
                  "windowsHelloForBusinessBlocked": false,
                  "pinMinimumLength": 6,
                  "pinMaximumLength": 127,
                  "pinUppercaseCharactersUsage": "allowed",
                  "securityDeviceRequired": true,
                  "useCertificatesForOnPremisesAuthEnabled": true,
                  "enhancedAntiSpoofingForFacialFeaturesEnabled": null
                """, GroupAssignment("a1b2c3d4-0000-0000-0000-000000000002")), new UnicodeEncoding(false, false));

        yield return Text("fixture/preview-intent-valuejson-utf16be", "intent.json",
            PreviewIntent("Fixture Preview", IntentSetting("pinMinimumLength", "\"8\"") + ",\n"
                + IntentSetting("windowsHelloForBusinessBlocked", "\"false\"") + ",\n"
                + IntentSetting("pinLowercaseCharactersUsage", "\"\\\"required\\\"\"")), new UnicodeEncoding(true, true));

        yield return Text("fixture/tenant-wide-enrollment", "enrollment.json",
            "{ \"value\": [" + TenantWide("\"enabled\"", ",\n  \"securityDeviceRequired\": true,\n  \"enhancedBiometricsState\": \"notConfigured\"") + "] }", utf8);

        yield return Text("fixture/settings-catalog-utf8-bom", "sc.json", settingsCatalog, new UTF8Encoding(true));

        yield return Text("fixture/intunecd-yaml-flow", "policy.yaml", """
            name: Fixture YAML
            platforms: windows10
            technologies: mdm
            templateReference: {templateFamily: none, templateId: ''}
            assignments:
            - target: {'@odata.type': '#microsoft.graph.groupAssignmentTarget', groupName: Pilot, groupId: null}
            settings:
            - id: '0'
              settingInstance:
                '@odata.type': '#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance'
                settingDefinitionId: device_vendor_msft_passportforwork_{tenantid}
                groupSettingCollectionValue:
                - children:
                  - {'@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance', settingDefinitionId: device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork, choiceSettingValue: {value: device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork_true, children: []}}
                  - '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance'
                    settingDefinitionId: device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_minimumpinlength
                    simpleSettingValue: {'@odata.type': '#microsoft.graph.deviceManagementConfigurationIntegerSettingValue', value: 8}
            """, utf8);

        var report = Report(
            GpoXml("Fixture GPO A", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
                computerPolicies: Policy("Use Windows Hello for Business", "Enabled", elements: CheckBox("Do not start Windows Hello provisioning after sign-in", "Enabled"))
                    + Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "8"))
                    + RegistrySetting(@"Software\Policies\Microsoft\PassportForWork", "RequireSecurityDevice", "1"),
                userPolicies: Policy("Use Windows Hello for Business", "Disabled"),
                links: Link("contoso.com/Workstations", enforced: true)),
            GpoXml("Fixture GPO B", "{31B2F340-016D-11D2-945F-00C04FB984F9}",
                computerPolicies: Policy("Use certificate for on-premises authentication", "Enabled"),
                links: Link("contoso.com")));
        yield return Text("fixture/gpmc-report-utf8", "report.xml", report.Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), utf8);
        yield return Text("fixture/gpmc-report-utf16", "report.xml", report, new UnicodeEncoding(false, true));

        var pol = new PRegWriter()
            .Dword(PfwKey, "Enabled", 1)
            .Dword(PfwKey, "RequireSecurityDevice", 1)
            .String(PfwKey + @"\PINComplexity", "Text", "hello")
            .MultiString(PfwKey, "Multi", "a", "b")
            .Qword(PfwKey + @"\PINComplexity", "MinimumPINLength", 8)
            .Binary(PfwKey, "Blob", [1, 2, 3])
            .Dword(PfwKey, "**del.UseCertificateForOnPremAuth", 0)
            .String(PfwKey, "**DeleteValues", "A;B")
            .ToArray();
        yield return Case("fixture/registry-pol-machine", [("Machine/registry.pol", pol)], 0);
    }

    private static FuzzCase Text(string name, string fileName, string text, Encoding encoding) =>
        Case(name, [(fileName, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)])], 0);

    private static FuzzCase Case(string name, List<(string RelativePath, byte[] Bytes)> files, int target)
    {
        var path = files[target].RelativePath;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var kind = extension switch
        {
            ".pol" => "pol",
            ".yaml" or ".yml" => "yaml",
            ".xml" => "xml",
            ".json" => "json",
            _ => "text",
        };
        return new FuzzCase(name, files, target, kind, Mutator.Detect(files[target].Bytes, binary: kind == "pol"));
    }
}

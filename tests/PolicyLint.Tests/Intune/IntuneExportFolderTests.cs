using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Input;
using PolicyLint.Model;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Intune;

/// <summary>A folder is one tenant: duplicates by id, group names, the mixed sample folder, and bad input.</summary>
public sealed class IntuneExportFolderTests
{
    [Fact]
    public void The_mixed_sample_folder_fires_exactly_the_profile_type_rules()
    {
        var result = Lint.Paths(RepoPaths.Root, "samples/intune-forms");

        Assert.Equal(
            [
                "PL1001 samples/intune-forms/graph/deviceConfigurations/WHfB - Identity Protection (legacy).json(15,18)",
                "PL1002 samples/intune-forms/graph/deviceConfigurations/WHfB - Identity Protection (legacy).json(15,18)",
                "PL1004 samples/intune-forms/graph/deviceEnrollmentConfigurations.json(49,16)",
                "PL5001 samples/intune-forms/intunecd/Settings Catalog/Windows Security Baseline - Standard Devices_mdm.yaml(29,18)",
                "PL1005 samples/intune-forms/intunemanagement/EndpointSecurity/WHfB - Account protection (Preview).json(7,21)",
            ],
            result.Diagnostics.Select(d => $"{d.Id} {d.Where()}"));
        Assert.DoesNotContain(result.Files, f => f.HasErrors);

        // Group names come from IntuneManagement's group list; the IntuneCD target named by group name gets its id.
        var messages = string.Join("\n", result.Diagnostics.Select(d => d.Message()));
        Assert.Contains("assigned to group WHfB Pilot Devices, excluded group Kiosk Devices", messages, StringComparison.Ordinal);
        var baseline = result.Files.SelectMany(f => f.Sources).Single(s => s.DisplayName == "Windows Security Baseline - Standard Devices");
        Assert.Equal("8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e93", Assert.Single(baseline.Assignments).GroupId);
    }

    [Fact]
    public void The_same_profile_exported_by_two_tools_is_read_once_with_a_note()
    {
        var result = Lint.Paths(RepoPaths.Root, "samples/intune-forms");

        var copies = result.Files.SelectMany(f => f.Sources).Where(s => s.Id == "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d").ToList();
        Assert.Equal("samples/intune-forms/graph/configurationPolicies/WHfB - Account Protection.json", Assert.Single(copies).FilePath);
        var note = Assert.Single(result.Notes, n => n.Location.FilePath.EndsWith("SettingsCatalog/WHfB - Account Protection.json", StringComparison.Ordinal));
        Assert.Contains("is also exported in samples/intune-forms/graph/configurationPolicies/WHfB - Account Protection.json", note.Message, StringComparison.Ordinal);
        Assert.Contains("read once", note.Message, StringComparison.Ordinal);

        // The _Settings companion names its intent in @odata.id, so it is recognised as the same intent.
        Assert.Contains(result.Notes, n => n.Location.FilePath.EndsWith("(Preview)_Settings.json", StringComparison.Ordinal) && n.Message.Contains("read once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_with_an_unknown_odata_type_is_skipped_with_a_note_not_an_error()
    {
        using var temp = new TempDirectory();
        var list = """
            { "value": [
              { "@odata.type": "#microsoft.graph.windowsIdentityProtectionConfigurationV2", "id": "x1", "displayName": "Future profile", "pinMinimumLength": 6 },
              { "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "id": "x2", "displayName": "Restrictions" }
            ] }
            """;

        var (result, _) = Lint.Marked(temp, ("list.json", list), ("ip.json", IdentityProtection("WHfB legacy", "  \"pinMinimumLength\": 6")));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == RuleIds.InputNotReadable);
        Assert.Contains(result.Notes, n => n.Message.Contains("'Future profile'", StringComparison.Ordinal) && n.Message.Contains("windowsIdentityProtectionConfigurationV2", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Message.Contains("'Restrictions'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_double_encoded_value_that_does_not_parse_is_reported_where_it_is_written()
    {
        using var temp = new TempDirectory();
        var intent = PreviewIntent("Broken", IntentSetting("pinMinimumLength", "[|\"{\\\"min\\\": 6\"|]"), AllDevices());

        var (result, files) = Lint.Marked(temp, ("intent.json", intent));

        var finding = Assert.Single(result.Findings(RuleIds.InputNotReadable));
        Assert.Equal("intent.json", finding.FilePath);
        Assert.Equal(files["intent.json"].Spots[0].Line, finding.Line);
        Assert.Contains("the valueJson of setting 'deviceConfiguration--windowsIdentityProtectionConfiguration_pinMinimumLength' is not JSON text", finding.Message, StringComparison.Ordinal);
        // The rest of the intent is still read and linted.
        Assert.Contains(result.Files.SelectMany(f => f.Sources), s => s.DisplayName == "Broken");
    }

    [Fact]
    public void An_assignment_target_of_an_unknown_kind_makes_overlap_assumed_not_absent()
    {
        using var temp = new TempDirectory();
        var collection = """
            [ { "target": { "@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget", "collectionId": "SMS00001" } } ]
            """;

        var (result, _) = Lint.Marked(temp, ("ip.json", IdentityProtection("WHfB legacy", "  \"pinMinimumLength\": 6", collection)));

        var source = Assert.Single(result.Files.SelectMany(f => f.Sources));
        Assert.Equal(AssignmentState.Unknown, source.AssignmentState);
        Assert.Contains(result.Notes, n => n.Message.Contains("configurationManagerCollectionAssignmentTarget", StringComparison.Ordinal));
        Assert.Single(result.Findings(RuleIds.IdentityProtectionProfileDeprecated));
    }

    [Fact]
    public void Yaml_that_does_not_parse_or_uses_aliases_is_a_read_error_with_its_line()
    {
        using var temp = new TempDirectory();
        temp.Write("bad.yaml", "name: WHfB\nsettings:\n  - id: '0'\n    settingInstance: [unclosed\n");
        temp.Write("alias.yaml", "name: &n WHfB\nsettings: []\ndescription: *n\n");

        var result = Lint.Paths(temp.Path, temp.Path);

        var findings = result.Findings(RuleIds.InputNotReadable).OrderBy(f => f.FilePath, StringComparer.Ordinal).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal(("alias.yaml", 3), (findings[0].FilePath, findings[0].Line));
        Assert.Contains("alias '*n' is not supported", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal("bad.yaml", findings[1].FilePath);
        Assert.Contains("invalid YAML", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_yaml_and_json_without_bom_read_with_the_right_lines()
    {
        using var temp = new TempDirectory();
        var yaml = "name: WHfB\ntemplateReference:\n  templateFamily: none\nsettings:\n- id: '0'\n  settingInstance:\n    settingDefinitionId: device_vendor_msft_passportforwork_biometrics_usebiometrics\n    choiceSettingValue:\n      value: device_vendor_msft_passportforwork_biometrics_usebiometrics_false\n";
        temp.WriteBytes("whfb.yaml", Encoding.Unicode.GetBytes(yaml));

        var result = Lint.Paths(temp.Path, temp.Path);

        var setting = Assert.Single(Assert.Single(result.Files.SelectMany(f => f.Sources)).Settings);
        Assert.Equal("9:14 PassportForWork/Biometrics/UseBiometrics device = false", Normalized.Setting(setting));
    }

    /// <summary>Every prefix of every sample export (a truncated download) reads without throwing.</summary>
    [Fact]
    public void Truncated_exports_never_crash_the_reader()
    {
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "intune-forms"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal));
        foreach (var sample in samples)
        {
            var bytes = File.ReadAllBytes(sample);
            for (var length = 0; length < bytes.Length; length += Math.Max(1, bytes.Length / 97))
            {
                var document = InputDocument.FromBytes("cut" + Path.GetExtension(sample), bytes.AsSpan(0, length).ToArray());
                var read = ReadStage.Default.Read(InputUnit.Single(document, namedExplicitly: false));
                // Reader exceptions are caught per file and reported as internal errors: there must be none.
                Assert.DoesNotContain(read.Problems, p => p.Message.StartsWith(ReadStage.InternalReadErrorPrefix, StringComparison.Ordinal));
            }
        }
    }
}

using System.Text.Json;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Fuzz;

/// <summary>
/// The smallest inputs behind each failure the mutation fuzz found, run through the CLI like the fuzz test: each was
/// an internal error (a reader or rule exception) and must now be a located read error or a normal lint.
/// </summary>
public sealed class FuzzRegressionTests
{
    [Theory]
    [InlineData("name: WHfB\nsettings: [a, b\nc\n", 2)] // a broken flow sequence in an IntuneCD export
    [InlineData(": {\ne\n", 1)]
    public void A_yaml_flow_collection_yamldotnet_cannot_scan_is_a_located_read_error(string yaml, int line)
    {
        using var temp = new TempDirectory();
        temp.Write("policy.yaml", yaml);

        var (exit, findings, stderr) = LintFolder(temp);

        Assert.Equal(2, exit);
        var finding = Assert.Single(findings);
        Assert.Equal(("PL0001", "policy.yaml", line), (finding.RuleId, finding.File, finding.Line));
        Assert.StartsWith("invalid YAML: the text after this point cannot be parsed", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: WHfB\ntemplateReference: {templateFamily: none}\n\tassignments: []\n", 2, 41, "While scanning a mapping, found invalid tab as indentation")]
    [InlineData("name: WHfB\nsettings: x\n\tassignments: []\n", 3, 1, "While scanning a plain scalar, found a tab character that violate indentation (it starts at line 2, column 11)")]
    public void A_yaml_scanner_error_points_at_the_problem_not_at_the_start_of_the_file(string yaml, int line, int column, string message)
    {
        // YamlDotNet gave these the start of the enclosing mapping or scalar, for the first the file's first character,
        // which a finding shows as no position at all.
        using var temp = new TempDirectory();
        temp.Write("policy.yaml", yaml);

        var (exit, findings, _) = LintFolder(temp);

        Assert.Equal(2, exit);
        var finding = Assert.Single(findings);
        Assert.Equal(("PL0001", line, column, "invalid YAML: " + message + "."), (finding.RuleId, finding.Line, finding.Column, finding.Message));
    }

    [Theory]
    [InlineData("\\ud800", "\uFFFD")] // a high surrogate with no low one
    [InlineData("\\udc00\\ud800", "\uFFFD\uFFFD")] // a low surrogate first
    public void A_json_escape_of_a_lone_surrogate_reads_as_a_replacement_character(string escape, string read)
    {
        using var temp = new TempDirectory();
        // In a property name (decoded while parsing) and in the policy name (decoded when a reader asks for it); the
        // placeholder makes PL4001 fire, so the finding shows the name as read.
        var export = CustomOma($"Lone {escape} surrogate", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true"))
            .Replace("\"displayName\"", $"\"x{escape}\": 1, \"displayName\"", StringComparison.Ordinal);
        temp.Write("oma.json", export);

        var (exit, findings, stderr) = LintFolder(temp);

        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        var finding = Assert.Single(findings);
        Assert.Equal(("PL4001", $"Lone {read} surrogate"), (finding.RuleId, finding.Policy));
    }

    [Fact]
    public void An_empty_value_json_is_a_read_error_at_the_string_not_at_the_start_of_the_file()
    {
        // The empty embedded document had no byte to map back, so the error landed on the file's first character.
        using var temp = new TempDirectory();
        var export = PreviewIntent("Empty valueJson", IntentSetting("pinMinimumLength", "\"\""));
        temp.Write("intent.json", export);
        var lines = export.ReplaceLineEndings("\n").Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"valueJson\": \"\"", StringComparison.Ordinal)) + 1;

        var (exit, findings, _) = LintFolder(temp);

        Assert.Equal(1, exit);
        var finding = Assert.Single(findings, f => f.RuleId == "PL0001");
        Assert.Equal((line, lines[line - 1].IndexOf("\"\" }", StringComparison.Ordinal) + 1), (finding.Line, finding.Column));
        Assert.EndsWith("is not JSON text: the string is empty, not JSON text.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_value_json_is_read_from_its_decoded_text_whatever_its_scalar_style()
    {
        // The JSON-in-a-string path cut one character off each end of the scalar's source, assuming JSON quotes: a
        // block scalar lost its indicator's neighbours, a plain one its first and last letters.
        using var temp = new TempDirectory();
        temp.Write("intent.yaml", """
            displayName: Kiosk baseline
            templateId: 034ccd46-190c-4afc-adf1-ad7cc11262eb
            settingsDelta:
            - '@odata.type': '#microsoft.graph.deviceManagementIntegerSettingInstance'
              definitionId: deviceConfiguration--windowsIdentityProtectionConfiguration_pinMinimumLength
              valueJson: |-
                200
            - '@odata.type': '#microsoft.graph.deviceManagementStringSettingInstance'
              definitionId: deviceConfiguration--windowsIdentityProtectionConfiguration_pinLowercaseCharactersUsage
              valueJson: blocked
            """);

        var (exit, findings, _) = LintFolder(temp);

        Assert.Equal(1, exit);
        Assert.Equal(["PL4002 6:14", "PL0001 10:14"], findings.Select(f => $"{f.RuleId} {f.Line}:{f.Column}"));
        Assert.Contains("is written as '200'", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("'b' is an invalid start of a value", findings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies")]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/Biometiometrics")] // a misspelt root read as the tenant node
    public void A_placeholder_oma_uri_without_a_policy_leaf_is_reported_not_crashed_on(string omaUri)
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", CustomOma("Short URI", OmaBoolean($"\"{omaUri}\"", "true")));

        var (exit, findings, stderr) = LintFolder(temp);

        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        var placeholder = Assert.Single(findings, f => f.RuleId == "PL4001");
        Assert.Contains($"OMA-URI '{omaUri}'", placeholder.Message, StringComparison.Ordinal);
    }

    private static (int Exit, List<Finding> Findings, string StdErr) LintFolder(TempDirectory temp)
    {
        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".", "--format", "json");
        using var report = JsonDocument.Parse(console.StdOut);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f =>
            {
                var location = f.GetProperty("location");
                return new Finding(
                    f.GetProperty("ruleId").GetString()!,
                    location.GetProperty("file").GetString()!,
                    location.TryGetProperty("line", out var line) ? line.GetInt32() : 0,
                    location.TryGetProperty("column", out var column) ? column.GetInt32() : 0,
                    f.GetProperty("message").GetString()!,
                    f.TryGetProperty("policy", out var policy) ? policy.GetString() : null);
            })
            .ToList();
        return (exit, findings, console.StdErr);
    }

    private sealed record Finding(string RuleId, string File, int Line, int Column, string Message, string? Policy);
}

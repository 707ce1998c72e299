using System.Text.Json;
using PolicyLint.Output;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Writers;

/// <summary>
/// What GitHub code scanning's SARIF upload enforces beyond the schema, fingerprints that survive edits, and baselines
/// that fail a pull request on new findings only.
/// </summary>
public sealed class SarifCodeScanningTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";

    private static JsonElement Sarif(string workingDirectory, params string[] args)
    {
        var (_, console) = TestConsole.Run(workingDirectory, ["lint", .. args, "--format", "sarif", "--fail-on", "none"]);
        return JsonDocument.Parse(console.StdOut).RootElement.Clone();
    }

    [Fact]
    public void Log_meets_github_upload_rules()
    {
        var run = Sarif(RepoPaths.Root, "samples").GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var rule in rules)
        {
            var help = rule.GetProperty("help");
            Assert.False(string.IsNullOrWhiteSpace(help.GetProperty("text").GetString()));
            Assert.StartsWith($"# {rule.GetProperty("id").GetString()}: ", help.GetProperty("markdown").GetString(), StringComparison.Ordinal);
            var properties = rule.GetProperty("properties");
            var tags = properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.Contains("security", tags);
            Assert.InRange(tags.Count, 1, 20);
            var severity = double.Parse(properties.GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(severity, 0.1, 10.0);
        }

        Assert.True(run.GetProperty("originalUriBaseIds").TryGetProperty(SarifReportWriter.SourceRoot, out _));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, SarifReportWriter.MaxResults);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), ids[index]);
            var locations = result.GetProperty("locations").EnumerateArray()
                .Concat(result.TryGetProperty("relatedLocations", out var related) ? related.EnumerateArray() : []).ToList();
            Assert.InRange(locations.Count, 1, SarifReportWriter.MaxRelatedLocations + 1);
            foreach (var location in locations)
            {
                var artifact = location.GetProperty("physicalLocation").GetProperty("artifactLocation");
                Assert.False(Uri.TryCreate(artifact.GetProperty("uri").GetString(), UriKind.Absolute, out _), "artifact URIs are relative");
                Assert.Equal(SarifReportWriter.SourceRoot, artifact.GetProperty("uriBaseId").GetString());
            }

            if (result.TryGetProperty("relatedLocations", out var others))
            {
                Assert.All(others.EnumerateArray(), l => Assert.False(string.IsNullOrEmpty(l.GetProperty("message").GetProperty("text").GetString())));
            }
        }
    }

    [Fact]
    public void Rules_that_report_some_findings_below_their_level_rate_below_githubs_high_severity()
    {
        var rules = Sarif(RepoPaths.Root, "samples").GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("properties").GetProperty("security-severity").GetString());

        Assert.Equal("6.5", rules["PL4001"]);
        Assert.Equal("6.5", rules["PL1002"]);
        Assert.Equal("6.5", rules["PL3001"]);
        Assert.Equal("8.0", rules["PL3002"]);
        Assert.Equal("5.0", rules["PL2002"]);
    }

    [Fact]
    public void Levels_changed_in_configuration_are_recorded_as_rule_configuration_overrides()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(RepoPaths.Samples, "intune", "WHfB - Biometrics.custom-oma.json"), Path.Combine(temp.Path, "b.json"));
        temp.Write(".policylint.yml", "rules:\n  PL4003: error\n  PL1001: none\n");

        var invocation = Sarif(temp.Path, ".").GetProperty("runs")[0].GetProperty("invocations")[0];

        var overrides = invocation.GetProperty("ruleConfigurationOverrides").EnumerateArray()
            .ToDictionary(o => o.GetProperty("descriptor").GetProperty("id").GetString()!, o => o.GetProperty("configuration"));
        Assert.Equal("error", overrides["PL4003"].GetProperty("level").GetString());
        Assert.False(overrides["PL1001"].GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Two_runs_give_the_same_bytes()
    {
        var first = TestConsole.Run(RepoPaths.Root, "lint", "samples", "--format", "sarif").Console.StdOut;
        var second = TestConsole.Run(RepoPaths.Root, "lint", "samples", "--format", "sarif").Console.StdOut;

        Assert.Equal(first, second);
    }

    private static Dictionary<string, string> Fingerprints(string folder) =>
        Sarif(folder, ".").GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .ToDictionary(
                r => r.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintKey).GetString()!,
                r => r.GetProperty("ruleId").GetString()!);

    private static (string First, string Second) ConflictingPair() =>
        (SettingsCatalog("Baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "11111111-0000-0000-0000-0000000000a1"),
         CustomOma("Override", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", "false"), GroupAssignment(Pilot)));

    [Fact]
    public void Fingerprints_survive_reformatting_moving_a_profile_to_another_file_and_renaming_files()
    {
        var (first, second) = ConflictingPair();
        using var original = new TempDirectory();
        original.Write("a.json", first);
        original.Write("b.json", second);
        var before = Fingerprints(original.Path);
        Assert.Contains("PL2001", before.Values);

        using var reformatted = new TempDirectory();
        reformatted.Write("a.json", "\n\n" + first.Replace("  ", "    ", StringComparison.Ordinal));
        reformatted.Write("b.json", second.Replace("\n", "\n\n", StringComparison.Ordinal));
        Assert.Equal(before, Fingerprints(reformatted.Path));

        using var moved = new TempDirectory();
        moved.Write("both.json", $"{{\"value\": [{first}, {second}]}}");
        Assert.Equal(before, Fingerprints(moved.Path));

        using var renamed = new TempDirectory();
        renamed.Write("sub/profile-one.json", first);
        renamed.Write("other/profile-two.json", second);
        Assert.Equal(before, Fingerprints(renamed.Path));
    }

    [Fact]
    public void Distinct_findings_never_share_a_fingerprint()
    {
        // A against B and A against C on one node: two PL2001 findings.
        using var temp = new TempDirectory();
        temp.Write("a.json", SettingsCatalog("A", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "11111111-0000-0000-0000-0000000000a1"));
        temp.Write("b.json", SettingsCatalog("B", Choice("requiresecuritydevice", "false"), GroupAssignment(Pilot), id: "11111111-0000-0000-0000-0000000000b2"));
        temp.Write("c.json", SettingsCatalog("C", Choice("requiresecuritydevice", "false"), GroupAssignment(Pilot), id: "11111111-0000-0000-0000-0000000000c3"));

        var results = Sarif(temp.Path, ".").GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        Assert.True(results.Count(r => r.GetProperty("ruleId").GetString() == "PL2001") >= 2);
        var fingerprints = results.Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintKey).GetString()).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [Fact]
    public void With_a_baseline_only_new_findings_fail_and_they_come_first()
    {
        var (first, second) = ConflictingPair();
        using var temp = new TempDirectory();
        temp.Write("a.json", first);
        temp.Write("b.json", second);
        Assert.Equal(0, TestConsole.Run(temp.Path, "baseline", ".", "-o", "baseline.sarif").ExitCode);

        // Old findings alone do not fail.
        var (unchangedExit, unchanged) = TestConsole.Run(temp.Path, "lint", "a.json", "b.json", "--baseline", "baseline.sarif", "--format", "sarif");
        Assert.Equal(0, unchangedExit);
        var states = JsonDocument.Parse(unchanged.StdOut).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("baselineState").GetString()).Distinct().ToList();
        Assert.Equal(["unchanged"], states);

        // One new finding fails, and is listed first.
        var placeholder = CustomOma("Typo", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", "true"));
        temp.Write("c.json", placeholder.Replace("22222222-0000-0000-0000-000000000002", "22222222-0000-0000-0000-0000000000c3", StringComparison.Ordinal));
        var (exit, console) = TestConsole.Run(temp.Path, "lint", "a.json", "b.json", "c.json", "--baseline", "baseline.sarif", "--format", "github");
        Assert.Equal(1, exit);
        var firstAnnotation = console.StdOut.Split('\n').First(l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.Contains("PL4001", firstAnnotation, StringComparison.Ordinal);

        // The uploaded SARIF never carries absent results.
        File.Delete(Path.Combine(temp.Path, "b.json"));
        var (_, fixedRun) = TestConsole.Run(temp.Path, "lint", "a.json", "c.json", "--baseline", "baseline.sarif", "--format", "sarif");
        Assert.DoesNotContain("\"absent\"", fixedRun.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_is_not_sarif_is_a_usage_error_naming_the_file()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(RepoPaths.Samples, "intune", "WHfB - Biometrics.custom-oma.json"), Path.Combine(temp.Path, "b.json"));
        temp.Write("old.sarif", "{ not json");

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "b.json", "--baseline", "old.sarif");

        Assert.Equal(2, exit);
        Assert.Contains("old.sarif", console.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.StdErr, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

public sealed class SarifReportWriterTests
{
    private static JsonElement RunSarif(string workingDirectory, params string[] paths)
    {
        var (_, console) = TestConsole.Run(workingDirectory, ["lint", .. paths, "--format", "sarif"]);
        SarifSchema.AssertValid(console.StdOut);
        return JsonDocument.Parse(console.StdOut).RootElement;
    }

    [Fact]
    public void Sample_run_validates_and_describes_every_rule()
    {
        var sarif = RunSarif(RepoPaths.Root, "samples");

        var run = sarif.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("PolicyLint", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(Lint.Engine().Rules.Length, rules.Count);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Matches("^PL[0-9]{4}$", id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.EndsWith($"/rules/docs/{id}.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Contains(results, r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").TryGetProperty("byteOffset", out _));
        foreach (var result in results)
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.StartsWith("samples/", uri, StringComparison.Ordinal);
            Assert.DoesNotContain(" ", uri, StringComparison.Ordinal);
            var region = location.GetProperty("region");
            if (uri.EndsWith(".pol", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(region.GetProperty("byteOffset").GetInt32() >= 8, "a Registry.pol finding points past the PReg header");
                Assert.True(region.GetProperty("byteLength").GetInt32() > 0);
            }
            else
            {
                Assert.True(region.GetProperty("startLine").GetInt32() > 0);
                Assert.True(region.GetProperty("startColumn").GetInt32() > 0);
            }
            Assert.Equal(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.EndsWith(".", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_schema_check_rejects_a_log_that_breaks_the_schema()
    {
        var (_, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/intune", "--format", "sarif");
        var broken = console.StdOut.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal);

        Assert.NotEqual(console.StdOut, broken);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SarifSchema.AssertValid(broken));
    }

    [Fact]
    public void Output_has_no_timestamps_and_fingerprints_survive_line_shifts()
    {
        using var temp = new TempDirectory();
        var export = Exports.CustomOma("Placeholder", Exports.OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true"));
        temp.Write("oma.json", export);
        var first = RunSarif(temp.Path, ".").GetRawText();
        temp.Write("oma.json", "\n\n\n" + export);
        var shifted = RunSarif(temp.Path, ".");

        Assert.DoesNotContain("TimeUtc", first, StringComparison.Ordinal);
        string Fingerprint(JsonElement sarif) => sarif.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty("policylint/v1").GetString()!;
        Assert.Equal(Fingerprint(JsonDocument.Parse(first).RootElement), Fingerprint(shifted));
        Assert.Equal(shifted.GetRawText(), RunSarif(temp.Path, ".").GetRawText());
    }

    [Fact]
    public void Timestamps_are_written_only_when_asked_for()
    {
        var (_, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/intune", "--format", "sarif", "--timestamps");

        SarifSchema.AssertValid(console.StdOut);
        var invocation = JsonDocument.Parse(console.StdOut).RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("startTimeUtc").GetDateTimeOffset() <= invocation.GetProperty("endTimeUtc").GetDateTimeOffset());
    }

    [Fact]
    public void Suppressed_findings_stay_in_the_log_as_suppressed()
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", Exports.CustomOma("Placeholder", Exports.OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true")));
        temp.Write(".policylint.yml", """
            suppressions:
              - rule: PL4001
                path: "*.json"
                justification: Template filled in by the release pipeline
                expiresOn: 2999-12-31
            """);

        var sarif = RunSarif(temp.Path, ".");

        var result = Assert.Single(sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        var suppression = Assert.Single(result.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("Template filled in by the release pipeline", suppression.GetProperty("justification").GetString());
    }
}

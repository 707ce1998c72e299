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
                    f.GetProperty("message").GetString()!,
                    f.TryGetProperty("policy", out var policy) ? policy.GetString() : null);
            })
            .ToList();
        return (exit, findings, console.StdErr);
    }

    private sealed record Finding(string RuleId, string File, int Line, string Message, string? Policy);
}

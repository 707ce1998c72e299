using System.Text.Json;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

public sealed class CodeClimateReportWriterTests
{
    private static readonly string[] GitLabSeverities = ["info", "minor", "major", "critical", "blocker"];

    private static readonly string[] CodeClimateCategories = ["Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication", "Performance", "Security", "Style"];

    private static List<JsonElement> RunCodeClimate(string workingDirectory, params string[] paths)
    {
        var (_, console) = TestConsole.Run(workingDirectory, ["lint", .. paths, "--format", "codeclimate"]);
        var root = JsonDocument.Parse(console.StdOut).RootElement;
        Assert.Equal(JsonValueKind.Array, root.ValueKind);
        return [.. root.EnumerateArray()];
    }

    private static List<string> Fingerprints(IEnumerable<JsonElement> issues) => [.. issues.Select(i => i.GetProperty("fingerprint").GetString()!)];

    [Fact]
    public void Every_issue_has_the_fields_GitLab_reads()
    {
        var issues = RunCodeClimate(RepoPaths.Root, "samples");
        var (_, json) = TestConsole.Run(RepoPaths.Root, "lint", "samples", "--format", "json");

        Assert.Equal(JsonDocument.Parse(json.StdOut).RootElement.GetProperty("findings").GetArrayLength(), issues.Count);
        foreach (var issue in issues)
        {
            Assert.Equal("issue", issue.GetProperty("type").GetString());
            Assert.Matches("^PL[0-9]{4}$", issue.GetProperty("check_name").GetString());
            var description = issue.GetProperty("description").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(description));
            Assert.DoesNotContain('\n', description);
            Assert.NotEmpty(issue.GetProperty("categories").EnumerateArray());
            Assert.All(issue.GetProperty("categories").EnumerateArray(), c => Assert.Contains(c.GetString(), CodeClimateCategories));
            Assert.Contains(issue.GetProperty("severity").GetString(), GitLabSeverities);
            Assert.Matches("^[0-9a-f]{32}$", issue.GetProperty("fingerprint").GetString());
            var location = issue.GetProperty("location");
            var path = location.GetProperty("path").GetString()!;
            Assert.StartsWith("samples/", path, StringComparison.Ordinal);
            Assert.DoesNotContain('\\', path);
            var begin = location.GetProperty("lines").GetProperty("begin").GetInt32();
            Assert.True(begin >= 1);
            if (path.EndsWith(".pol", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Equal(1, begin);
            }
        }

        Assert.Contains(issues, i => i.GetProperty("location").GetProperty("path").GetString()!.EndsWith(".pol", StringComparison.Ordinal));
    }

    [Fact]
    public void Levels_map_to_GitLab_severities()
    {
        using var temp = new TempDirectory();
        WriterInputs.ThreeLevelsPerProfile(temp, profiles: 1);

        var severities = RunCodeClimate(temp.Path, ".").ToDictionary(i => i.GetProperty("check_name").GetString()!, i => i.GetProperty("severity").GetString());

        Assert.Equal("critical", severities["PL4001"]);
        Assert.Equal("minor", severities["PL4003"]);
        Assert.Equal("info", severities["PL4002"]);
    }

    [Fact]
    public void Fingerprints_are_unique_and_the_same_in_a_second_run()
    {
        var first = Fingerprints(RunCodeClimate(RepoPaths.Root, "samples"));
        var second = Fingerprints(RunCodeClimate(RepoPaths.Root, "samples"));

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Fingerprints_survive_lines_moving_and_do_not_depend_on_line_numbers()
    {
        using var temp = new TempDirectory();
        var export = File.ReadAllText(Path.Combine(RepoPaths.Samples, "intune", "WHfB - PIN Policy (Helpdesk).settings-catalog.json"));
        temp.Write("pin.json", export);
        var before = RunCodeClimate(temp.Path, ".");
        temp.Write("pin.json", "\n\n\n" + export);
        var after = RunCodeClimate(temp.Path, ".");

        Assert.NotEmpty(before);
        Assert.Equal(before.Select(i => i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() + 3), after.Select(i => i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()));
        Assert.Equal(Fingerprints(before), Fingerprints(after));
    }

    [Fact]
    public void Two_findings_about_the_same_thing_in_one_file_get_different_fingerprints()
    {
        using var temp = new TempDirectory();
        var row = Exports.OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/<tenant ID>/Policies/UsePassportForWork\"", "true");
        temp.Write("oma.json", Exports.CustomOma("Twice", row + ",\n" + row));

        var issues = RunCodeClimate(temp.Path, ".").Where(i => i.GetProperty("check_name").GetString() == "PL4001").ToList();

        Assert.Equal(2, issues.Count);
        Assert.Equal(2, Fingerprints(issues).Distinct().Count());
        Assert.Equal(Fingerprints(issues), Fingerprints(RunCodeClimate(temp.Path, ".").Where(i => i.GetProperty("check_name").GetString() == "PL4001")));
    }
}

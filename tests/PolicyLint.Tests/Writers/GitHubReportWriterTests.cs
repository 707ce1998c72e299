using System.Text.RegularExpressions;
using PolicyLint.Output;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

public sealed class GitHubReportWriterTests
{
    /// <summary>A workflow command as the runner reads it (actions/runner ActionCommand.TryParseV2 and its unescaping).</summary>
    private sealed record WorkflowCommand(string Name, Dictionary<string, string> Properties, string Data);

    private static WorkflowCommand? ReadAsRunner(string line)
    {
        line = line.TrimStart();
        if (!line.StartsWith("::", StringComparison.Ordinal))
        {
            return null;
        }

        var end = line.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var info = line[2..end];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var pair in info[(space + 1)..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2)
                {
                    properties[parts[0]] = parts[1]
                        .Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
                        .Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal)
                        .Replace("%25", "%", StringComparison.Ordinal);
                }
            }
        }

        var data = line[(end + 2)..]
            .Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
            .Replace("%25", "%", StringComparison.Ordinal);
        return new WorkflowCommand(name, properties, data);
    }

    private static List<string> Lines(string output) => [.. output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];

    [Fact]
    public void Escaping_follows_the_actions_toolkit()
    {
        Assert.Equal("100%25 a:b,c%0D%0Ad", GitHubReportWriter.EscapeData("100% a:b,c\r\nd"));
        Assert.Equal("100%25 a%3Ab%2Cc%0D%0Ad", GitHubReportWriter.EscapeProperty("100% a:b,c\r\nd"));
    }

    [Fact]
    public void Percent_CR_LF_colon_and_comma_in_messages_and_file_names_reach_GitHub_intact()
    {
        using var temp = new TempDirectory();
        const string policy = "50% off: pilot, ring 1\r\nsecond line";
        // Windows forbids ':' and line breaks in file names; elsewhere they are legal and must survive.
        var fileName = OperatingSystem.IsWindows() ? "100% sure, a.json" : "100% sure: a,b\r\nc.json";
        temp.Write(fileName, WriterInputs.IdentityProtectionNamed(policy));

        var (_, console) = TestConsole.Run(temp.Path, "lint", ".", "--format", "github");

        var annotation = Assert.Single(Lines(console.StdOut), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', annotation);
        var command = ReadAsRunner(annotation)!;
        Assert.Equal("warning", command.Name);
        Assert.Equal(fileName, command.Properties["file"]);
        Assert.Equal("PL1001 IdentityProtectionProfileDeprecated", command.Properties["title"]);
        Assert.True(int.Parse(command.Properties["line"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains($"Identity Protection profile '{policy}'", command.Data, StringComparison.Ordinal);
        Assert.Contains("%25", annotation, StringComparison.Ordinal);
        Assert.Contains("%0D%0A", annotation, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_pol_findings_name_the_file_without_a_line()
    {
        var (_, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/gpo", "--format", "github");

        var pol = Lines(console.StdOut).Select(ReadAsRunner).First(c => c is not null && c.Properties["file"].EndsWith(".pol", StringComparison.Ordinal))!;
        Assert.False(pol.Properties.ContainsKey("line"));
        Assert.False(pol.Properties.ContainsKey("col"));
    }

    [Fact]
    public void At_most_ten_annotations_per_level_most_severe_first_and_the_rest_in_the_log()
    {
        using var temp = new TempDirectory();
        WriterInputs.ThreeLevelsPerProfile(temp, profiles: 12);

        var (_, console) = TestConsole.Run(temp.Path, "lint", ".", "--format", "github");
        var (_, text) = TestConsole.Run(temp.Path, "lint", ".");

        var lines = Lines(console.StdOut);
        var stop = lines.FindIndex(l => l.StartsWith("::stop-commands::", StringComparison.Ordinal));
        Assert.True(stop > 0, "the findings beyond the annotation limit are printed with command processing paused");
        var annotations = lines[..stop].Select(ReadAsRunner).ToList();
        Assert.All(annotations, Assert.NotNull);
        var levels = annotations.Select(a => a!.Name).ToList();
        Assert.Equal([.. Enumerable.Repeat("error", 10), .. Enumerable.Repeat("warning", 10), .. Enumerable.Repeat("notice", 10)], levels);

        var token = lines[stop]["::stop-commands::".Length..];
        var resume = lines.IndexOf($"::{token}::");
        Assert.True(resume > stop);
        var rest = lines[(stop + 1)..resume];
        Assert.Equal(6, rest.Count);
        Assert.All(rest, l => Assert.Matches(@"^profile-\d{3}\.json\(\d+,\d+\): (error|warning|note) PL\d{4}: ", l));
        Assert.Equal(["error", "error", "warning", "warning", "note", "note"], rest.Select(l => Regex.Match(l, @": (\w+) PL").Groups[1].Value));

        Assert.Equal(Lines(text.StdOut)[^1], lines[^2]);
        Assert.Equal("12 errors, 12 warnings, 12 notes in 12 files", lines[^2]);
        Assert.StartsWith("6 more findings are not annotated (GitHub shows at most 10 per level in a step)", lines[^1], StringComparison.Ordinal);
        Assert.Equal(resume + 3, lines.Count);
    }

    [Fact]
    public void Every_finding_is_an_annotation_when_the_limit_is_not_reached()
    {
        using var temp = new TempDirectory();
        WriterInputs.ThreeLevelsPerProfile(temp, profiles: 10);

        var (_, console) = TestConsole.Run(temp.Path, "lint", ".", "--format", "github");

        var lines = Lines(console.StdOut);
        Assert.Equal(31, lines.Count);
        Assert.All(lines[..30], l => Assert.NotNull(ReadAsRunner(l)));
        Assert.Equal("10 errors, 10 warnings, 10 notes in 10 files", lines[^1]);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace PolicyLint.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>), which the runner turns into
/// annotations on the pull request. GitHub shows 10 error, 10 warning and 10 notice annotations per step and drops the
/// rest, so the most important findings (<see cref="LintReport.ByPriority"/>) become annotations, at most 10 per level;
/// the others are printed as plain log lines, and the last line says how many there are.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    /// <summary>Annotations of one level GitHub shows per step (actions/toolkit docs/problem-matchers.md, "Limitations").</summary>
    public const int AnnotationsPerLevel = 10;

    public string Format => "github";

    public void Write(LintReport report, TextWriter output)
    {
        var annotated = new Dictionary<string, int>(StringComparer.Ordinal);
        var rest = new List<Finding>();
        foreach (var finding in report.ByPriority)
        {
            var count = annotated.GetValueOrDefault(finding.Level);
            if (count >= AnnotationsPerLevel)
            {
                rest.Add(finding);
                continue;
            }

            annotated[finding.Level] = count + 1;
            output.WriteLine(Annotation(finding));
        }

        if (rest.Count > 0)
        {
            WritePlain(output, [.. rest.Select(TextReportWriter.Line)]);
        }

        output.WriteLine(TextReportWriter.Summary(report));
        if (rest.Count > 0)
        {
            var noun = rest.Count == 1 ? "finding is" : "findings are";
            output.WriteLine(
                $"{rest.Count} more {noun} not annotated (GitHub shows at most {AnnotationsPerLevel} per level in a step): see the lines above, or the step summary that --format markdown writes.");
        }
    }

    /// <summary>One workflow command; <c>line</c> and <c>col</c> only for a text position (not a Registry.pol byte offset).</summary>
    public static string Annotation(Finding finding)
    {
        var command = finding.Level switch
        {
            Analysis.Levels.Error => "error",
            Analysis.Levels.Warning => "warning",
            _ => "notice",
        };
        var properties = new StringBuilder();
        properties.Append("file=").Append(EscapeProperty(finding.FilePath));
        if (finding.Location is { ByteOffset: null, Line: > 0 } location)
        {
            properties.Append(",line=").Append(location.Line).Append(",col=").Append(location.Column);
        }

        properties.Append(",title=").Append(EscapeProperty($"{finding.RuleId} {finding.RuleName}"));
        return $"::{command} {properties}::{EscapeData(finding.Message)}";
    }

    /// <summary>A command's message: <c>%</c>, CR and LF percent-encoded (actions/toolkit command.ts, escapeData).</summary>
    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: as <see cref="EscapeData"/>, plus <c>:</c> and <c>,</c> (command.ts, escapeProperty).</summary>
    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// Lines that hold text from the inputs, with workflow-command processing paused around them: the runner reads a
    /// <c>::</c> command at the start of any line and a legacy <c>##[command]</c> anywhere in one, and a policy name is
    /// under the author's control. The resume token is a hash of the lines themselves, so they cannot contain it.
    /// </summary>
    private static void WritePlain(TextWriter output, IReadOnlyList<string> lines)
    {
        var token = "policylint-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..32];
        output.WriteLine($"::stop-commands::{token}");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"::{token}::");
    }
}

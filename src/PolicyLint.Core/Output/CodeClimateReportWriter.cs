using System.Text.Json;
using PolicyLint.Analysis;

namespace PolicyLint.Output;

/// <summary>
/// The Code Climate issue array that GitLab's Code Quality widget reads (GitLab reads SARIF only for security reports):
/// one issue per finding with <c>type</c>, <c>check_name</c> (rule id), <c>description</c>, <c>categories</c>,
/// <c>severity</c>, <c>fingerprint</c> and <c>location.path</c> + <c>location.lines.begin</c>. Suppressed findings are
/// left out: the widget has no place for an accepted exception.
/// </summary>
public sealed class CodeClimateReportWriter : IReportWriter
{
    public string Format => "codeclimate";

    public void Write(LintReport report, TextWriter output)
    {
        using var sink = new JsonTextSink(output, new JsonWriterOptions { Indented = true });
        var json = sink.Json;
        {
            json.WriteStartArray();
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("type", "issue");
                json.WriteString("check_name", finding.RuleId);
                json.WriteString("description", OneLine(finding.Message));
                json.WriteStartArray("categories");
                json.WriteStringValue(Category(finding.Diagnostic.Descriptor.Category));
                json.WriteEndArray();
                json.WriteString("severity", Severity(finding.Level));
                json.WriteString("fingerprint", finding.Fingerprint);
                json.WriteStartObject("location");
                json.WriteString("path", finding.FilePath.Replace('\\', '/'));
                json.WriteStartObject("lines");
                // A Registry.pol finding is a byte range, and a file-level one has no position: GitLab needs a line.
                json.WriteNumber("begin", finding.Location is { ByteOffset: null, Line: > 0 } location ? location.Line : 1);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                sink.Drain();
            }

            json.WriteEndArray();
        }

        sink.Finish();
    }

    /// <summary>
    /// GitLab's scale is info, minor, major, critical, blocker. An error means the policy does not do what it says (a
    /// value the device rejects, a trust model that never takes effect, no defined winner) and fails the run under the
    /// default --fail-on: critical. A warning (works today, but fragile or deprecated): minor. A note: info.
    /// </summary>
    public static string Severity(string level) => level switch
    {
        Levels.Error => "critical",
        Levels.Warning => "minor",
        _ => "info",
    };

    /// <summary>Code Climate's categories for the rule's category (a custom rule's own category counts as a bug risk).</summary>
    public static string Category(string ruleCategory) => ruleCategory switch
    {
        RuleCategories.Deprecation => "Compatibility",
        RuleCategories.TrustModel => "Security",
        _ => "Bug Risk",
    };

    /// <summary>Code Climate wants a description on one line.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

using System.Text;

namespace PolicyLint.Output;

/// <summary>
/// GitHub-flavoured Markdown for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: a heading, the counts, one table
/// row per finding (most important first, as <see cref="LintReport.ByPriority"/> orders them) and each full message in a
/// collapsed block. Everything that comes from the inputs (messages, paths, policy names) is escaped, so a policy name
/// can neither break the table nor inject HTML.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <summary>
    /// GitHub rejects a comment over 65,536 characters; stopping short of it leaves room for what a workflow adds around
    /// the report. Findings that do not fit are counted at the end, never cut in half.
    /// </summary>
    public const int MaxLength = 60_000;

    public string Format => "markdown";

    public void Write(LintReport report, TextWriter output)
    {
        var head = new StringBuilder();
        head.Append("## PolicyLint\n\n");
        head.Append("| Errors | Warnings | Notes | Files linted | Files skipped | Suppressed |\n");
        head.Append("|---:|---:|---:|---:|---:|---:|\n");
        head.Append($"| {report.Errors} | {report.Warnings} | {report.NoteCount} | {report.FilesLinted} | {report.FilesSkipped} | {report.Suppressed.Length} |\n\n");
        if (report.ByPriority.Length == 0)
        {
            head.Append($"**No findings** in {Plural(report.FilesLinted, "file")}.\n");
            output.Write(head.ToString());
            return;
        }

        const string tableHead = "| Level | Rule | Location | Policy | Finding |\n|---|---|---|---|---|\n";
        var rows = new StringBuilder(tableHead);
        var details = new StringBuilder();
        var budget = MaxLength - head.Length - 400; // the closing note
        var shown = 0;
        foreach (var finding in report.ByPriority)
        {
            var row = Row(finding);
            var block = Details(finding);
            if (rows.Length + details.Length + row.Length + block.Length > budget)
            {
                break;
            }

            rows.Append(row);
            details.Append(block);
            shown++;
        }

        output.Write(head.ToString());
        output.Write(rows.ToString());
        output.Write('\n');
        output.Write(details.ToString());
        var hidden = report.ByPriority.Length - shown;
        if (hidden > 0)
        {
            output.Write($"**{Plural(hidden, "more finding")} not shown here** (a pull-request comment holds at most 65,536 characters); the text, JSON and SARIF outputs list every finding.\n");
        }
    }

    private static string Row(Finding finding)
    {
        var rule = finding.HelpUri is { Length: > 0 } help ? $"[{Text(finding.RuleId)}]({Url(help)})" : Text(finding.RuleId);
        return $"| {finding.Level} | {rule} | {Text(Where(finding.Location))} | {Text(finding.SourceName ?? string.Empty)} | {Text(finding.Title)} |\n";
    }

    private static string Details(Finding finding)
    {
        var text = new StringBuilder();
        text.Append("<details>\n");
        text.Append($"<summary>{finding.Level} {Html(finding.RuleId)} {Html(finding.RuleName)}: {Html(Where(finding.Location))}</summary>\n\n");
        text.Append(Text(finding.Message)).Append("\n\n");
        if (finding.HelpUri is { Length: > 0 } help)
        {
            text.Append($"[{Text(finding.RuleId)} {Text(finding.RuleName)}]({Url(help)})\n\n");
        }

        text.Append("</details>\n\n");
        return text.ToString();
    }

    /// <summary><c>path:line</c>, <c>path (byte N)</c> for Registry.pol, or the path alone.</summary>
    private static string Where(FindingLocation location) => location.ByteOffset is { } offset
        ? $"{location.FilePath} (byte {offset})"
        : location.Line > 0 ? $"{location.FilePath}:{location.Line}" : location.FilePath;

    /// <summary>
    /// Text for a table cell or a paragraph: HTML's <c>&amp; &lt; &gt;</c> as entities, Markdown's punctuation (including
    /// the cell separator <c>|</c>, code-span backticks and math dollars) backslash-escaped, and line breaks as
    /// <c>&lt;br&gt;</c> so a message with a newline stays in its cell.
    /// </summary>
    public static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    escaped.Append("<br>");
                    break;
                case '\n':
                    escaped.Append("<br>");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Text inside an HTML element (the collapsed block's summary line, where Markdown is not parsed).</summary>
    public static string Html(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("\r\n", " ", StringComparison.Ordinal)
        .Replace('\r', ' ')
        .Replace('\n', ' ');

    /// <summary>A link destination: characters that would end it or break the line percent-encoded.</summary>
    private static string Url(string uri) => uri
        .Replace(" ", "%20", StringComparison.Ordinal)
        .Replace("(", "%28", StringComparison.Ordinal)
        .Replace(")", "%29", StringComparison.Ordinal)
        .Replace("<", "%3C", StringComparison.Ordinal)
        .Replace(">", "%3E", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

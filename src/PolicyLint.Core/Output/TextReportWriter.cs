namespace PolicyLint.Output;

/// <summary>Compiler-style lines that editors and CI logs recognise, then a one-line summary.</summary>
public sealed class TextReportWriter : IReportWriter
{
    public string Format => "text";

    public void Write(LintReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            output.WriteLine(Line(finding));
        }

        output.WriteLine(Summary(report));
    }

    /// <summary><c>path(line,col): level id: message [policy]</c>.</summary>
    public static string Line(Finding finding)
    {
        var source = finding.SourceName is null ? string.Empty : $" [{finding.SourceName}]";
        return $"{finding.Location}: {finding.Level} {finding.RuleId}: {finding.Message}{source}";
    }

    public static string Summary(LintReport report)
    {
        var (errors, warnings, notes) = (report.Errors, report.Warnings, report.NoteCount);
        var extras = new List<string>();
        if (report.FilesSkipped > 0)
        {
            extras.Add($"{Plural(report.FilesSkipped, "file")} skipped");
        }

        if (report.Suppressed.Length > 0)
        {
            extras.Add($"{report.Suppressed.Length} suppressed");
        }

        var suffix = extras.Count > 0 ? $" ({string.Join(", ", extras)})" : string.Empty;
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(notes, "note")} in {Plural(report.FilesLinted, "file")}{suffix}";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

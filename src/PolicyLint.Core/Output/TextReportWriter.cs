using Microsoft.CodeAnalysis;

namespace PolicyLint.Output;

/// <summary>Compiler-style lines that editors and CI logs recognise, then a one-line summary.</summary>
public sealed class TextReportWriter : IReportWriter
{
    public string Format => "text";

    public void Write(LintReport report, TextWriter output)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            var finding = FindingView.From(diagnostic);
            var where = new FindingLocation(finding.FilePath, finding.Line, finding.Column, finding.ByteOffset, finding.ByteLength);
            var source = finding.SourceName is null ? string.Empty : $" [{finding.SourceName}]";
            output.WriteLine($"{where}: {finding.Level} {finding.RuleId}: {finding.Message}{source}");
        }

        output.WriteLine(Summary(report));
    }

    public static string Summary(LintReport report)
    {
        var errors = report.Count(DiagnosticSeverity.Error);
        var warnings = report.Count(DiagnosticSeverity.Warning);
        var notes = report.Diagnostics.Length - errors - warnings;
        var extras = new List<string>();
        if (report.FilesSkipped > 0)
        {
            extras.Add($"{Plural(report.FilesSkipped, "file")} skipped");
        }

        if (report.Suppressed.Count > 0)
        {
            extras.Add($"{report.Suppressed.Count} suppressed");
        }

        var suffix = extras.Count > 0 ? $" ({string.Join(", ", extras)})" : string.Empty;
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(notes, "note")} in {Plural(report.FilesLinted, "file")}{suffix}";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

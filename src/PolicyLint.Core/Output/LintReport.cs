using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Output;

/// <summary>Everything a writer needs: the findings, the rules that could have fired, and the run's counts.</summary>
public sealed class LintReport
{
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    public required IReadOnlyList<ReportRule> Rules { get; init; }

    /// <summary>Findings covered by a suppression, with its justification (SARIF lists them as suppressed).</summary>
    public IReadOnlyList<(Diagnostic Diagnostic, string Justification)> Suppressed { get; init; } = [];

    public int FilesLinted { get; init; }

    public int FilesSkipped { get; init; }

    public string ToolVersion { get; init; } = "0.1.0";

    /// <summary>Set only when asked for (SARIF invocation times); off by default so output is deterministic.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Notes about the inputs (skipped files, skipped objects), shown by writers that have a place for them.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity);
}

/// <summary>A rule as reports list it: its descriptor and friendly name.</summary>
public sealed record ReportRule(DiagnosticDescriptor Descriptor, string Name)
{
    public string Id => Descriptor.Id;
}

/// <summary>A diagnostic flattened for writers: file, line, column or byte range, level and text.</summary>
public readonly record struct FindingView(
    string RuleId,
    string Level,
    string Message,
    string FilePath,
    int Line,
    int Column,
    int? ByteOffset,
    int? ByteLength,
    string? SourceName,
    string? Subject,
    string? HelpUri,
    ImmutableArray<FindingLocation> RelatedLocations)
{
    public static FindingView From(Diagnostic diagnostic)
    {
        var primary = FindingLocation.From(diagnostic.Location, diagnostic.Properties);
        return new FindingView(
            diagnostic.Id,
            LevelOf(diagnostic.Severity),
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            primary.FilePath,
            primary.Line,
            primary.Column,
            primary.ByteOffset,
            primary.ByteLength,
            diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.SourceName),
            diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.Subject),
            diagnostic.Descriptor.HelpLinkUri,
            [.. diagnostic.AdditionalLocations.Select(l => FindingLocation.From(l, null))]);
    }

    /// <summary>SARIF level names, also used by the text and JSON writers.</summary>
    public static string LevelOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}

public readonly record struct FindingLocation(string FilePath, int Line, int Column, int? ByteOffset, int? ByteLength)
{
    public static FindingLocation From(Location location, ImmutableDictionary<string, string?>? properties)
    {
        var span = location.GetLineSpan();
        var binary = properties?.GetValueOrDefault(DiagnosticProperties.RegionKind) == "bytes"
            || span.Path.EndsWith(".pol", StringComparison.OrdinalIgnoreCase);
        if (binary)
        {
            return new FindingLocation(span.Path, 0, 0, location.SourceSpan.Start, location.SourceSpan.Length);
        }

        var hasPosition = span.StartLinePosition.Line > 0 || span.StartLinePosition.Character > 0 || location.SourceSpan.Start > 0;
        return hasPosition
            ? new FindingLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, null, null)
            : new FindingLocation(span.Path, 0, 0, null, null);
    }

    /// <summary>Compiler style: <c>path(line,col)</c>, <c>path(byte N)</c>, or just the path.</summary>
    public override string ToString() => ByteOffset is { } offset
        ? $"{FilePath}(byte {offset})"
        : Line > 0 ? $"{FilePath}({Line},{Column})" : FilePath;
}

/// <summary>One output format. Each format is one class in its own file.</summary>
public interface IReportWriter
{
    /// <summary>The name given to --format.</summary>
    string Format { get; }

    void Write(LintReport report, TextWriter output);
}

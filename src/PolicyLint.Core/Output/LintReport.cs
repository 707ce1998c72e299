using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Output;

/// <summary>
/// The finalized report: what every writer formats and nothing recomputes. It carries each finding with its location,
/// related locations, level and rule, the counts, the files as read, and the resolved model the findings came from
/// (sources, normalized settings, effective policy with winners).
/// </summary>
public sealed record LintReport
{
    /// <summary>Findings after configuration (levels applied, suppressed ones removed), sorted by file and position.</summary>
    public required ImmutableArray<Finding> Findings { get; init; }

    /// <summary>
    /// The same findings, most important first: errors, then warnings, then notes, each level in report order. Writers
    /// that lead with what matters (markdown, github) follow this order rather than sorting; a baseline puts new
    /// findings first here, so those writers need no change for it.
    /// </summary>
    public required ImmutableArray<Finding> ByPriority { get; init; }

    /// <summary>Findings a .policylint.yml suppression covers (SARIF lists them as suppressed).</summary>
    public ImmutableArray<Finding> Suppressed { get; init; } = [];

    /// <summary>Every rule the run could report, in report order.</summary>
    public required ImmutableArray<ReportRule> Rules { get; init; }

    /// <summary>Every input as finally read (after reconciling).</summary>
    public ImmutableArray<ReadResult> Files { get; init; } = [];

    /// <summary>One effective policy per tenant (one in total unless .policylint.yml lists tenant folders).</summary>
    public ImmutableArray<EffectivePolicy> Policies { get; init; } = [];

    public ImmutableArray<string> MissingPaths { get; init; } = [];

    /// <summary>Levels .policylint.yml sets for rules (rule id to error, warning, note or none), for SARIF's ruleConfigurationOverrides.</summary>
    public ImmutableDictionary<string, string> RuleLevelOverrides { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>True when findings were compared with a baseline (each finding then has a <see cref="Finding.BaselineState"/>).</summary>
    public bool HasBaseline { get; init; }

    /// <summary>Findings of the baseline that this run no longer reports (fixed, or their policy was removed).</summary>
    public ImmutableArray<AbsentFinding> Absent { get; init; } = [];

    /// <summary>Warnings about the configuration itself (an expired suppression), each with its file and line.</summary>
    public ImmutableArray<string> ConfigurationWarnings { get; init; } = [];

    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>Set only when asked for (SARIF invocation times); off by default so output is deterministic.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The findings as Roslyn diagnostics (what analyzers reported, with configured severities).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => [.. Findings.Select(f => f.Diagnostic)];

    /// <summary>Files from which at least one WHfB policy source was read.</summary>
    public int FilesLinted => Files.Count(f => f.Sources.Length > 0);

    public IEnumerable<ReadResult> Skipped => Files.Where(f => f.SkipReason is not null);

    public int FilesSkipped => Skipped.Count();

    public IEnumerable<ReadProblem> Notes => Files.SelectMany(f => f.Problems).Where(p => p.Severity == ProblemSeverity.Note);

    /// <summary>Notes about the inputs (skipped files, skipped objects), for writers that have a place for them.</summary>
    public IEnumerable<string> Notices =>
        Skipped.Select(f => $"{f.FilePath}: skipped: {f.SkipReason}").Concat(Notes.Select(n => n.ToString()));

    public bool HasReadableInput => Files.Any(f => f.Sources.Length > 0);

    /// <summary>The effective policy when the run holds one tenant (the usual case).</summary>
    public EffectivePolicy Policy => Policies.Length switch
    {
        0 => new EffectivePolicy([], [], []),
        1 => Policies[0],
        _ => throw new InvalidOperationException("the run holds several tenants; use Policies"),
    };

    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);

    public int Errors => Count(DiagnosticSeverity.Error);

    public int Warnings => Count(DiagnosticSeverity.Warning);

    /// <summary>Findings at note level (Roslyn's Info and Hidden).</summary>
    public int NoteCount => Findings.Length - Errors - Warnings;

    public string RuleName(string id) => Rules.FirstOrDefault(r => r.Id == id)?.Name ?? id;
}

/// <summary>One finding as every writer shows it: computed once, when the report is finalized.</summary>
public sealed record Finding(
    Diagnostic Diagnostic,
    string RuleName,
    FindingLocation Location,
    ImmutableArray<FindingLocation> RelatedLocations,
    string? Justification = null)
{
    public string RuleId => Diagnostic.Id;

    /// <summary>
    /// The level reported: the rule's level (its default, or what .policylint.yml sets), lowered by the finding's
    /// offset. Kept here rather than in a re-created diagnostic, which would hold its message formatted.
    /// </summary>
    public DiagnosticSeverity Severity { get; init; } = Diagnostic.Severity;

    public string Level => Levels.NameOf(Severity);

    /// <summary>
    /// The formatted message, made each time a writer asks for it and not kept: a large tenant's messages would
    /// otherwise all be held once the report is written (docs/performance.md, memory).
    /// </summary>
    public string Message => Diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>The rule's title: what is wrong in a few words, for places with no room for the message.</summary>
    public string Title => Diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Identifies the finding across runs (SARIF partialFingerprints, Code Climate fingerprint, baselines): from the
    /// rule and what the finding is about (<see cref="FindingSubject"/>: node, scope and the identities of the sources
    /// involved, sorted), never a line number or a file name, so it survives reformatting a file, moving a profile to
    /// another file and renaming a file. A read error (PL0001) is about its file, so the file is part of its key.
    /// Unique within a report: the finalize stage numbers any findings that would share one.
    /// </summary>
    public string Fingerprint { get; init; } = FingerprintOf(Diagnostic, Location.FilePath);

    /// <summary>Against a baseline: new, unchanged or updated (same fingerprint, other message or level); null without one.</summary>
    public BaselineState? BaselineState { get; init; }

    /// <summary>What --fail-on counts: everything without a baseline; with one, only new and updated findings.</summary>
    public bool CountsForFailure => BaselineState is null or Output.BaselineState.New or Output.BaselineState.Updated;

    public string? SourceName => Diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.SourceName);

    public string? HelpUri => Diagnostic.Descriptor.HelpLinkUri;

    public string FilePath => Location.FilePath;

    public int Line => Location.Line;

    public int Column => Location.Column;

    /// <summary>
    /// Rule and subject, hashed (computed when the finding was reported, <see cref="DiagnosticProperties.Fingerprint"/>);
    /// the file too when the finding names no source (a read error).
    /// </summary>
    public static string FingerprintOf(Diagnostic diagnostic, string filePath)
    {
        if (diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.Fingerprint) is { } computed)
        {
            return computed;
        }

        var subject = diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.Subject);
        return subject is not null && diagnostic.Properties.ContainsKey(DiagnosticProperties.SourceName)
            ? FindingSubject.Fingerprint(diagnostic.Id, subject)
            : FindingSubject.Fingerprint(diagnostic.Id, $"{filePath}|{subject ?? diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    public static Finding From(Diagnostic diagnostic, string ruleName, string? justification = null, DiagnosticSeverity? severity = null) => new(
        diagnostic,
        ruleName,
        FindingLocation.From(diagnostic.Location, diagnostic.Properties),
        [.. diagnostic.AdditionalLocations.Select(l => FindingLocation.From(l, null))],
        justification)
    {
        Severity = severity ?? diagnostic.Severity,
    };
}

/// <summary>SARIF's baselineState values PolicyLint reports (absent findings are listed apart).</summary>
public enum BaselineState
{
    New,
    Unchanged,
    Updated,
}

/// <summary>A baseline finding this run no longer reports, as the baseline recorded it.</summary>
public sealed record AbsentFinding(string RuleId, string Level, string Message, string Fingerprint, string? FilePath, int Line);

/// <summary>A file position as reports show it: line and column, a byte range (Registry.pol), or just the file.</summary>
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

        var hasPosition = span.EndLinePosition != span.StartLinePosition
            || span.StartLinePosition.Line > 0 || span.StartLinePosition.Character > 0 || location.SourceSpan.Start > 0;
        return hasPosition
            ? new FindingLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, null, null)
            : new FindingLocation(span.Path, 0, 0, null, null);
    }

    /// <summary>Compiler style: <c>path(line,col)</c>, <c>path(byte N)</c>, or just the path.</summary>
    public override string ToString() => ByteOffset is { } offset
        ? $"{FilePath}(byte {offset})"
        : Line > 0 ? $"{FilePath}({Line},{Column})" : FilePath;
}

/// <summary>One output format. Each format is one class in its own file; a writer only formats the report.</summary>
public interface IReportWriter
{
    /// <summary>The name given to --format.</summary>
    string Format { get; }

    void Write(LintReport report, TextWriter output);
}

/// <summary>The tool's name and version, from the assembly (set once in Directory.Build.props).</summary>
public static class ToolInfo
{
    public const string Name = "PolicyLint";

    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
            .Split('+')[0];
}

using System.Collections.Immutable;
using PolicyLint.Model;

namespace PolicyLint.Input;

/// <summary>What reading one input produced: policy sources, problems, group names, or the reason it was skipped. Immutable.</summary>
public sealed class ReadResult
{
    internal ReadResult(
        string filePath,
        string? format,
        ImmutableArray<PolicySource> sources,
        ImmutableArray<ReadProblem> problems,
        ImmutableDictionary<string, string> groupNames,
        string? skipReason)
    {
        FilePath = filePath;
        Format = format;
        Sources = sources;
        Problems = problems;
        GroupNames = groupNames;
        SkipReason = skipReason;
    }

    public string FilePath { get; }

    /// <summary>Which format read the file (e.g. "Intune JSON export"), when one did.</summary>
    public string? Format { get; }

    public ImmutableArray<PolicySource> Sources { get; }

    public ImmutableArray<ReadProblem> Problems { get; }

    /// <summary>Entra group names by group id, from group objects or migration tables in the file (used to name assignment targets).</summary>
    public ImmutableDictionary<string, string> GroupNames { get; }

    /// <summary>Why the file was not linted (not a WHfB policy export), or null.</summary>
    public string? SkipReason { get; }

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public static ReadResult Skipped(string filePath, string reason, string? format = null) =>
        new(filePath, format, [], [], ImmutableDictionary<string, string>.Empty, reason);

    public static ReadResult Failed(SourceLocation location, string message, string? format = null) =>
        new(location.FilePath, format, [], [ReadProblem.Error(location, message)], ImmutableDictionary<string, string>.Empty, null);

    /// <summary>A copy with other sources, problems and skip reason (the reconcile stage's view of a file).</summary>
    public ReadResult With(ImmutableArray<PolicySource> sources, ImmutableArray<ReadProblem> problems, string? skipReason) =>
        new(FilePath, Format, sources, problems, GroupNames, skipReason);

    /// <summary>A copy without the group names, once the reconcile stage has named the targets with them.</summary>
    internal ReadResult WithoutGroupNames() =>
        GroupNames.IsEmpty ? this : new(FilePath, Format, Sources, Problems, ImmutableDictionary<string, string>.Empty, SkipReason);
}

/// <summary>What a reader fills in while it reads one input; <see cref="Build"/> gives the immutable result.</summary>
public sealed class ReadResultBuilder
{
    public ReadResultBuilder(string filePath, string? format)
    {
        FilePath = filePath;
        Format = format;
    }

    public string FilePath { get; }

    public string? Format { get; }

    public List<PolicySource> Sources { get; } = [];

    public List<ReadProblem> Problems { get; } = [];

    public Dictionary<string, string> GroupNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? SkipReason { get; set; }

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public void Error(SourceLocation location, string message) => Problems.Add(ReadProblem.Error(location, message));

    public void Note(SourceLocation location, string message) => Problems.Add(ReadProblem.Note(location, message));

    public ReadResult Build() => new(
        FilePath,
        Format,
        [.. Sources],
        [.. Problems],
        GroupNames.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
        Sources.Count == 0 ? SkipReason : null);
}

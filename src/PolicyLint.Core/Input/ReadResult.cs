using PolicyLint.Model;

namespace PolicyLint.Input;

/// <summary>What reading one file produced: policy sources, problems, or the reason it was skipped.</summary>
public sealed class ReadResult
{
    public ReadResult(string filePath) => FilePath = filePath;

    public string FilePath { get; }

    public List<PolicySource> Sources { get; } = [];

    public List<ReadProblem> Problems { get; } = [];

    /// <summary>Entra group names by group id, from group objects or migration tables in the file (used to name assignment targets).</summary>
    public Dictionary<string, string> GroupNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which format read the file (e.g. "Settings Catalog JSON"), when one did.</summary>
    public string? Format { get; set; }

    /// <summary>Why the file was not linted (not a WHfB policy export), or null.</summary>
    public string? SkipReason { get; set; }

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public static ReadResult Skipped(string filePath, string reason) => new(filePath) { SkipReason = reason };

    public static ReadResult Failed(SourceLocation location, string message)
    {
        var result = new ReadResult(location.FilePath);
        result.Problems.Add(ReadProblem.Error(location, message));
        return result;
    }
}

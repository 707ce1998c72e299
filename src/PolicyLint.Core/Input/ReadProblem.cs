using PolicyLint.Model;

namespace PolicyLint.Input;

public enum ProblemSeverity
{
    /// <summary>Information about the input (a skipped object, a duplicate export): shown with --verbose.</summary>
    Note,

    /// <summary>Something in the input could not be read: reported as finding PL0001.</summary>
    Error,
}

/// <summary>A problem met while reading an input, with where it is.</summary>
public sealed record ReadProblem(SourceLocation Location, ProblemSeverity Severity, string Message)
{
    public static ReadProblem Error(SourceLocation location, string message) => new(location, ProblemSeverity.Error, message);

    public static ReadProblem Note(SourceLocation location, string message) => new(location, ProblemSeverity.Note, message);

    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}

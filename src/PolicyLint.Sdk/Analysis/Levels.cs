using Microsoft.CodeAnalysis;

namespace PolicyLint.Analysis;

/// <summary>
/// The one mapping between the level names users write (configuration, --fail-on, reports; SARIF's names) and
/// Roslyn severities: error, warning, note; "none" turns a rule off.
/// </summary>
public static class Levels
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Note = "note";
    public const string None = "none";

    /// <summary>Every name a user may write, strongest first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Error, Warning, Note, None];

    public static string NameOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Error,
        DiagnosticSeverity.Warning => Warning,
        _ => Note,
    };

    /// <summary><paramref name="levels"/> levels below <paramref name="severity"/>, never below note (a finding is lowered, not hidden).</summary>
    public static DiagnosticSeverity Lower(DiagnosticSeverity severity, int levels)
    {
        for (var i = 0; i < levels && severity > DiagnosticSeverity.Info; i++)
        {
            severity = severity == DiagnosticSeverity.Error ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
        }

        return severity;
    }

    /// <summary>The severity of a level name (case-insensitive); false for unknown names; null severity for "none".</summary>
    public static bool TryParse(string? name, out DiagnosticSeverity? severity)
    {
        severity = null;
        switch (name?.Trim().ToLowerInvariant())
        {
            case Error:
                severity = DiagnosticSeverity.Error;
                return true;
            case Warning:
                severity = DiagnosticSeverity.Warning;
                return true;
            case Note:
                severity = DiagnosticSeverity.Info;
                return true;
            case None:
                return true;
            default:
                return false;
        }
    }
}

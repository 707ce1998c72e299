using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;

namespace PolicyLint.Analysis;

/// <summary>The finding the engine itself reports when an input cannot be read (the other files are still linted).</summary>
public static class InputDiagnostics
{
    /// <summary>The friendly name reports give PL0001 (rules take theirs from their class name).</summary>
    public const string InputNotReadableName = "InputNotReadable";

    public static readonly DiagnosticDescriptor InputNotReadable = RuleDescriptors.Create(
        RuleIds.InputNotReadable,
        "Input cannot be read",
        "{0}",
        RuleCategories.Input,
        DiagnosticSeverity.Error,
        "A file or folder given to PolicyLint could not be read as a policy export: it is truncated, malformed, unreadable, or holds a value that does not parse. Its settings were not linted.");
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Input;

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

    /// <summary>PL0001's page (rules/docs/PL0001.md, embedded in this assembly).</summary>
    public static string? HelpMarkdown() => EnginePage(RuleIds.InputNotReadable);

    /// <summary>The page of one of the engine's own ids (rules/docs/PL000n.md, embedded in this assembly).</summary>
    internal static string? EnginePage(string id)
    {
        using var stream = typeof(InputDiagnostics).Assembly.GetManifestResourceStream($"PolicyLint.docs.{id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>PL0001 for a read error, at its location.</summary>
    public static Diagnostic From(ReadProblem problem)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Subject, "input|" + problem.Message);
        if (problem.Location.IsBinary)
        {
            properties = properties.Add(DiagnosticProperties.RegionKind, "bytes");
        }

        var message = problem.Message.EndsWith('.') ? problem.Message : problem.Message + ".";
        return Diagnostic.Create(InputNotReadable, problem.Location.ToRoslyn(), properties, message);
    }
}

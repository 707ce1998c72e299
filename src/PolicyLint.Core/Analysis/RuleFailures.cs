using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyLint.Model;

namespace PolicyLint.Analysis;

/// <summary>
/// The finding the engine reports when a rule fails while it runs (PL0002): it throws, or reports an id it does not
/// declare. The rule is stopped for the rest of the run and every other rule still runs; a silent rule would be a gap
/// in the gate, so the finding is an error by default.
/// </summary>
public static class RuleFailures
{
    /// <summary>The friendly name reports give PL0002.</summary>
    public const string RuleFailedName = "RuleFailed";

    /// <summary>Longest exception message quoted in a finding; the rest is cut (a message is not a log).</summary>
    private const int MaxQuotedMessage = 300;

    public static readonly DiagnosticDescriptor RuleFailed = RuleDescriptors.Create(
        RuleIds.RuleFailed,
        "A rule failed while it ran",
        "{0}",
        RuleCategories.Engine,
        DiagnosticSeverity.Error,
        "A rule threw an exception (or reported an id it does not declare) and was stopped: its findings for this run may be missing, so the report may pass a configuration the rule would have flagged. The other rules ran.");

    /// <summary>PL0002's page (rules/docs/PL0002.md, embedded in this assembly).</summary>
    public static string? HelpMarkdown() => InputDiagnostics.EnginePage(RuleIds.RuleFailed);

    /// <summary>
    /// PL0002 for <paramref name="analyzer"/>, which failed with <paramref name="problem"/> (an exception's type and
    /// message, never its stack trace) while it analyzed <paramref name="what"/>.
    /// </summary>
    /// <param name="ruleFile">The file a custom rule was compiled from (shown in the fix), or null for a built-in rule.</param>
    internal static Diagnostic Create(
        PolicyAnalyzer analyzer,
        string what,
        string problem,
        SourceLocation location,
        PolicySource? source,
        string? ruleFile)
    {
        var ids = RuleIdsOf(analyzer);
        var fix = ruleFile is null
            ? "this is a bug in PolicyLint: please report it with the input that triggers it"
            : $"fix the rule in {ruleFile}, or remove that file from the rules folder";
        var message = $"Rule {ids} ({NameOf(analyzer)}) failed while analyzing {what}: {problem}. It was stopped for the rest of this run, so its findings may be missing and the report may pass what it would flag; {fix}.";
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (source is not null)
        {
            properties[DiagnosticProperties.SourceName] = source.DisplayName;
        }

        if (location.IsBinary)
        {
            properties[DiagnosticProperties.RegionKind] = "bytes";
        }

        var aspect = "rule-failed|" + ids;
        properties[DiagnosticProperties.Subject] = source is null ? aspect : FindingSubject.Of(aspect, source);
        return Diagnostic.Create(RuleFailed, location.ToRoslyn(), properties.ToImmutable(), message);
    }

    /// <summary>An exception as a finding quotes it: its type and its message on one line, shortened; never a stack trace.</summary>
    public static string Describe(Exception exception)
    {
        while (exception is System.Reflection.TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        if (exception is AggregateException { InnerExceptions: [var single] })
        {
            exception = single;
        }

        var text = new StringBuilder(exception.GetType().Name);
        var message = OneLine(exception.Message);
        if (message.Length > 0)
        {
            text.Append(": ").Append(message.Length > MaxQuotedMessage ? message[..MaxQuotedMessage] + "…" : message);
        }

        return text.ToString().TrimEnd('.');
    }

    /// <summary>The ids an analyzer declares, comma-separated ("?" if it declares none or cannot say).</summary>
    internal static string RuleIdsOf(PolicyAnalyzer analyzer)
    {
        try
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList();
            return ids.Count == 0 ? "?" : string.Join(", ", ids);
        }
#pragma warning disable CA1031 // The rule is already failing: naming it must not fail the run.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "?";
        }
    }

    private static string NameOf(PolicyAnalyzer analyzer)
    {
        try
        {
            return analyzer.Name;
        }
#pragma warning disable CA1031 // As above.
        catch (Exception)
#pragma warning restore CA1031
        {
            return analyzer.GetType().Name;
        }
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

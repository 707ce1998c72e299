using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Output;

namespace PolicyLint.Pipeline;

/// <summary>
/// The finalize stage: applies per-rule levels (or turns rules off) and suppressions from .policylint.yml, notes
/// expired suppressions, sorts, and turns every diagnostic into the <see cref="Finding"/> all writers format.
/// </summary>
public static class Finalizer
{
    public static LintReport Finalize(AnalyzedRun run, PolicyLintConfig config, DateOnly today)
    {
        var ruleNames = run.Rules.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        string NameOf(string id) => ruleNames.GetValueOrDefault(id) ?? id;

        var kept = new List<Diagnostic>(run.Diagnostics.Length);
        var suppressed = new List<Finding>();
        foreach (var diagnostic in run.Diagnostics)
        {
            if (config.SeverityFor(diagnostic.Id, diagnostic.Descriptor.DefaultSeverity) is not { } severity)
            {
                continue;
            }

            var adjusted = severity == diagnostic.Severity ? diagnostic : WithSeverity(diagnostic, severity);
            if (config.Suppressions.Count > 0
                && run.FullPaths.TryGetValue(adjusted.Location.GetLineSpan().Path, out var fullPath)
                && config.FindSuppression(adjusted.Id, fullPath, adjusted.Properties.GetValueOrDefault(DiagnosticProperties.SourceName), today) is { } suppression)
            {
                suppressed.Add(Finding.From(adjusted, NameOf(adjusted.Id), suppression.Justification));
            }
            else
            {
                kept.Add(adjusted);
            }
        }

        var warnings = config.Suppressions
            .Where(s => s.IsExpired(today))
            .Select(s => $"{config.FilePath}({s.Line},1): warning: the suppression of {s.RuleId} expired on {s.ExpiresOn:yyyy-MM-dd} and no longer applies")
            .ToImmutableArray();
        return new LintReport
        {
            Findings = [.. Sort(kept).Select(d => Finding.From(d, NameOf(d.Id)))],
            Suppressed = [.. suppressed],
            Rules = run.Rules,
            Files = run.Files,
            Policies = run.Policies,
            MissingPaths = run.MissingPaths,
            ConfigurationWarnings = warnings,
        };
    }

    private static Diagnostic WithSeverity(Diagnostic d, DiagnosticSeverity severity) => Diagnostic.Create(
        d.Id,
        d.Descriptor.Category,
        d.GetMessage(CultureInfo.InvariantCulture),
        severity,
        d.Descriptor.DefaultSeverity,
        isEnabledByDefault: true,
        warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
        title: d.Descriptor.Title,
        description: d.Descriptor.Description,
        helpLink: d.Descriptor.HelpLinkUri,
        location: d.Location,
        additionalLocations: d.AdditionalLocations,
        customTags: d.Descriptor.CustomTags,
        properties: d.Properties);

    /// <summary>
    /// By file, line, column, offset, id and message; equal keys keep their order. A comparison over a small class,
    /// not LINQ ordering over tuples: that is compiled at every start (docs/performance.md, cold start).
    /// </summary>
    private static IEnumerable<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var keyed = diagnostics.Select((d, i) => new SortKey(d, d.Location.GetLineSpan(), i)).ToArray();
        Array.Sort(keyed, SortKey.Compare);
        return keyed.Select(k => k.Diagnostic);
    }

    private sealed record SortKey(Diagnostic Diagnostic, FileLinePositionSpan Span, int Index)
    {
        public static int Compare(SortKey? a, SortKey? b)
        {
            if (ReferenceEquals(a, b))
            {
                return 0;
            }

            if (a is null || b is null)
            {
                return a is null ? -1 : 1;
            }

            var order = string.CompareOrdinal(a.Span.Path, b.Span.Path);
            order = order != 0 ? order : a.Span.StartLinePosition.Line.CompareTo(b.Span.StartLinePosition.Line);
            order = order != 0 ? order : a.Span.StartLinePosition.Character.CompareTo(b.Span.StartLinePosition.Character);
            order = order != 0 ? order : a.Diagnostic.Location.SourceSpan.Start.CompareTo(b.Diagnostic.Location.SourceSpan.Start);
            order = order != 0 ? order : string.CompareOrdinal(a.Diagnostic.Id, b.Diagnostic.Id);
            order = order != 0 ? order : string.CompareOrdinal(a.Diagnostic.GetMessage(CultureInfo.InvariantCulture), b.Diagnostic.GetMessage(CultureInfo.InvariantCulture));
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        }
    }
}

/// <summary>What the analyze stage hands to finalize: the diagnostics and everything they came from.</summary>
public sealed record AnalyzedRun(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<ReportRule> Rules,
    ImmutableArray<ReadResult> Files,
    ImmutableArray<Model.EffectivePolicy> Policies,
    ImmutableArray<string> MissingPaths,
    ImmutableDictionary<string, string> FullPaths);

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
        var severities = new Dictionary<Diagnostic, DiagnosticSeverity>(ReferenceEqualityComparer.Instance);
        var suppressed = new List<Finding>();
        foreach (var diagnostic in run.Diagnostics)
        {
            if (config.SeverityFor(diagnostic.Id, diagnostic.Descriptor.DefaultSeverity) is not { } ruleSeverity)
            {
                continue;
            }

            // A per-finding downgrade is relative: the configured level replaces the default, the offset stays.
            var severity = Levels.Lower(ruleSeverity, LevelOffsetOf(diagnostic));
            if (config.Suppressions.Count > 0
                && run.FullPaths.TryGetValue(diagnostic.Location.GetLineSpan().Path, out var fullPath)
                && config.FindSuppression(diagnostic.Id, fullPath, diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.SourceName), today) is { } suppression)
            {
                suppressed.Add(Finding.From(diagnostic, NameOf(diagnostic.Id), suppression.Justification, severity));
            }
            else
            {
                kept.Add(diagnostic);
                if (severity != diagnostic.Severity)
                {
                    severities[diagnostic] = severity;
                }
            }
        }

        var warnings = config.Suppressions
            .Where(s => s.IsExpired(today))
            .Select(s => $"{config.FilePath}({s.Line},1): warning: the suppression of {s.RuleId} expired on {s.ExpiresOn:yyyy-MM-dd} and no longer applies")
            .ToImmutableArray();
        var findings = Sort(kept).Select(d => Finding.From(d, NameOf(d.Id), severity: severities.TryGetValue(d, out var level) ? level : d.Severity)).ToList();
        var unique = WithUniqueFingerprints([.. findings, .. suppressed]);
        ImmutableArray<Finding> reported = [.. unique.Take(findings.Count)];
        return new LintReport
        {
            Findings = reported,
            ByPriority = Prioritize(reported),
            Suppressed = [.. unique.Skip(findings.Count)],
            Rules = run.Rules,
            Files = run.Files,
            Policies = run.Policies,
            MissingPaths = run.MissingPaths,
            ConfigurationWarnings = warnings,
            RuleLevelOverrides = config.RuleLevels.ToImmutableDictionary(StringComparer.Ordinal),
        };
    }

    private static int LevelOffsetOf(Diagnostic diagnostic) =>
        diagnostic.Properties.GetValueOrDefault(DiagnosticProperties.LevelOffset) is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : 0;

    /// <summary>
    /// Two findings may share rule, file, subject and policy (one source holding the same node twice): the second and
    /// later ones get their occurrence number in the hash, in report order, so every fingerprint names one finding.
    /// </summary>
    private static List<Finding> WithUniqueFingerprints(List<Finding> findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var occurrence = seen[finding.Fingerprint] = seen.GetValueOrDefault(finding.Fingerprint) + 1;
            result.Add(occurrence == 1
                ? finding
                : finding with { Fingerprint = FindingSubject.Fingerprint(finding.Fingerprint, occurrence.ToString(CultureInfo.InvariantCulture)) });
        }

        return result;
    }

    /// <summary>Errors, then warnings, then notes; within a level the report order (a stable sort).</summary>
    private static ImmutableArray<Finding> Prioritize(ImmutableArray<Finding> findings) =>
        [.. findings.OrderBy(f => f.Severity switch
        {
            DiagnosticSeverity.Error => 0,
            DiagnosticSeverity.Warning => 1,
            _ => 2,
        })];

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

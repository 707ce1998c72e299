using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>Two applied GPOs set the same WHfB policy, in the same section, to different values.</summary>
public sealed class PL2006_ConflictingGpoValues : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.ConflictingGpoValues,
        "GPOs set a Windows Hello for Business policy to different values",
        "{0} ({1}) is {2} in GPO '{3}' but {4} in GPO '{5}' ({6}){7}: {8}; keep the policy in one GPO, or give both the same value.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Warning,
        "When two linked GPOs set the same Windows Hello for Business policy differently, the result depends on link order, OU depth and enforcement. The losing value looks configured in GPMC but never applies, and moving a link silently changes which one wins.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        foreach (var node in context.Policy.Nodes)
        {
            foreach (var shadowing in node.ShadowedWithinTier)
            {
                var (loser, winner) = (shadowing.Shadowed, shadowing.Winner);
                if (IsGpoPair(loser, winner) && !loser.Value.Equals(winner.Value))
                {
                    Report(context, loser, winner, shadowing.Overlap, Verdict(loser, winner, shadowing.Reason));
                }
            }

            foreach (var conflict in node.Conflicts)
            {
                if (IsGpoPair(conflict.Second, conflict.First))
                {
                    Report(context, conflict.Second, conflict.First, conflict.Overlap,
                        "which one wins cannot be told from the export (both links have the same precedence, or the link order is not in the report)");
                }
            }
        }
    }

    private static bool IsGpoPair(PolicySetting a, PolicySetting b) =>
        a.Source.IsGroupPolicy && b.Source.IsGroupPolicy && a.Scope == b.Scope && !ReferenceEquals(a.Source, b.Source);

    private static void Report(EffectivePolicyAnalysisContext context, PolicySetting loser, PolicySetting other, OverlapKind overlap, string verdict)
    {
        var assumed = overlap switch
        {
            OverlapKind.Assumed => " (possible overlap: the SOM hierarchy is not in the export, so GPOs linked anywhere are treated as overlapping)",
            OverlapKind.Pending => $" ({OverlapLevels.Describe(overlap)})",
            _ => string.Empty,
        };
        context.ReportBelow(
            OverlapLevels.LevelsBelow(overlap),
            Rule,
            loser.Location,
            loser.Source,
            FindingSubject.Of(loser.Node!, loser.Scope, loser.Source, other.Source),
            [other.Location],
            loser.Node!.Names.GpoPolicyName ?? loser.Node.Name,
            GpoSection(loser.Scope),
            loser.Value,
            loser.Source.DisplayName,
            other.Value,
            other.Source.DisplayName,
            other.Location,
            assumed,
            verdict);
    }

    /// <summary>
    /// One winner for every OU where both apply, or, when a GPO linked at several OUs wins at some and loses at
    /// others, the winner per OU.
    /// </summary>
    private static string Verdict(PolicySetting loser, PolicySetting winner, string reason)
    {
        var bySom = PrecedenceRules.WinnersBySom(loser.Source, winner.Source);
        var winners = bySom.Select(o => o.Winner).Distinct().ToList();
        if (winners.Count <= 1)
        {
            return $"'{winner.Source.DisplayName}' wins because {reason}";
        }

        var perOu = Listing.Join("; ", bySom, o => o.Winner is null
            ? $"at {o.Som} neither wins for sure (same link precedence)"
            : $"at {o.Som} '{o.Winner.DisplayName}' wins ({(ReferenceEquals(o.Winner, loser.Source) ? loser.Value : winner.Value)})",
            rest: " OUs");
        return "which GPO wins depends on the OU, because a GPO linked at several OUs has a different strength at each: " + perOu;
    }

    private static string GpoSection(PolicyScope scope) => scope == PolicyScope.Device ? "Computer Configuration" : "User Configuration";
}

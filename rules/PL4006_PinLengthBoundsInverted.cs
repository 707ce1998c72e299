using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// The minimum PIN length is above the maximum for the same devices, within one profile or across policies whose PIN
/// settings are enforced together: Windows then ignores both and uses the defaults. Within one profile it fires
/// whatever the assignment; across policies the overlap sets the level (docs/levels.md).
/// </summary>
public sealed class PL4006_PinLengthBoundsInverted : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.PinLengthBoundsInverted,
        "Minimum PIN length is above the maximum",
        "MinimumPINLength ({0}) is {1} in {2}, above MaximumPINLength {3} in {4}, for {5}: when the minimum is above the maximum, Windows uses the defaults for both (minimum 4, maximum 127), so neither length you set is enforced; set MinimumPINLength at or below MaximumPINLength, in the same source.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Error,
        "The PassportForWork CSP requires the minimum PIN length to be at most the maximum. When a device gets a minimum above the maximum, from one profile or from several policies whose PIN settings are enforced together, it ignores both values and uses the defaults, so the configured PIN length is not enforced.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var policy = context.Policy;
        var minimums = PinPolicy.Configured(policy, PassportForWorkCatalog.MinimumPinLength);
        if (minimums.Count == 0)
        {
            return;
        }

        var maximums = PinPolicy.Configured(policy, PassportForWorkCatalog.MaximumPinLength);
        foreach (var minimum in minimums)
        {
            if (Lowest(policy, minimum, maximums) is { } hit)
            {
                Report(context, minimum, hit.Maximum, hit.Overlap);
            }
        }
    }

    /// <summary>
    /// The maximum below this minimum that a device can get with it, the surest first: one of the same profile (whatever
    /// the assignment), else one in effect from another policy whose PIN settings are enforced together with it.
    /// </summary>
    private static (PolicySetting Maximum, OverlapKind Overlap)? Lowest(EffectivePolicy policy, PolicySetting minimum, List<PolicySetting> maximums)
    {
        (PolicySetting Maximum, OverlapKind Overlap)? best = null;
        var minimumInEffect = policy.ShadowingOf(minimum) is null;
        foreach (var maximum in maximums)
        {
            if (maximum.Value.IntegerValue >= minimum.Value.IntegerValue || !PinPolicy.EnforcedTogether(minimum, maximum))
            {
                continue;
            }

            var sameProfile = ReferenceEquals(maximum.Source, minimum.Source);
            if (!sameProfile && (!minimumInEffect || policy.ShadowingOf(maximum) is not null))
            {
                continue;
            }

            var overlap = PinPolicy.Overlap(minimum, maximum);
            if (overlap == OverlapKind.None)
            {
                continue;
            }

            if (best is not { } current || Surer(overlap, sameProfile, maximum, current.Overlap, ReferenceEquals(current.Maximum.Source, minimum.Source), current.Maximum))
            {
                best = (maximum, overlap);
            }
        }

        return best;
    }

    /// <summary>Whether the first candidate beats the second: surer overlap, then the same profile, then the lower maximum.</summary>
    private static bool Surer(OverlapKind overlap, bool sameProfile, PolicySetting maximum, OverlapKind otherOverlap, bool otherSameProfile, PolicySetting other)
    {
        var bySureness = PinPolicy.Sureness(overlap) - PinPolicy.Sureness(otherOverlap);
        if (bySureness != 0)
        {
            return bySureness > 0;
        }

        if (sameProfile != otherSameProfile)
        {
            return sameProfile;
        }

        return maximum.Value.IntegerValue < other.Value.IntegerValue;
    }

    private static void Report(EffectivePolicyAnalysisContext context, PolicySetting minimum, PolicySetting maximum, OverlapKind overlap)
    {
        var sameProfile = ReferenceEquals(minimum.Source, maximum.Source);
        var scope = minimum.Scope == PolicyScope.User ? "user scope" : "device scope";
        string where, whom;
        if (sameProfile)
        {
            where = $"the same profile ({maximum.Location})";
            whom = minimum.Source.AssignmentState == AssignmentState.Unassigned
                ? "the devices it reaches once assigned (it is not assigned yet; the profile is wrong on its own)"
                : $"the devices it reaches ({Reach.Describe(minimum.Source)})";
        }
        else
        {
            where = PinPolicy.Where(maximum);
            whom = $"devices that get both ({OverlapLevels.Describe(overlap)}; '{minimum.Source.DisplayName}' {Reach.Describe(minimum.Source)}, '{maximum.Source.DisplayName}' {Reach.Describe(maximum.Source)})";
        }

        context.ReportBelow(
            sameProfile ? 0 : OverlapLevels.LevelsBelow(overlap),
            Rule,
            minimum.Location,
            minimum.Source,
            FindingSubject.Of(PassportForWorkCatalog.MinimumPinLength, minimum.Scope, minimum.Source, maximum.Source),
            [maximum.Location],
            scope,
            minimum.Value,
            minimum.Source.Describe(),
            maximum.Value,
            where,
            whom);
    }
}

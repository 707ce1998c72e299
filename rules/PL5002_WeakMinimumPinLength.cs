using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// Windows Hello for Business is on for a set of devices and the minimum PIN length that can reach them is below the
/// threshold (rule option <c>minimumPinLength</c>, default 6), or not set (the CSP default is 4). Reported at the
/// setting that turns WHfB on; silent as soon as a minimum at or above the threshold can reach those devices.
/// </summary>
public sealed class PL5002_WeakMinimumPinLength : PolicyAnalyzer
{
    /// <summary>The rule option read from .policylint.yml (<c>rules: PL5002: { minimumPinLength: 8 }</c>).</summary>
    public const string MinimumPinLengthOption = "minimumPinLength";

    /// <summary>The threshold when the option is not set: the tenant-wide enrollment policy's default PIN length (reference E).</summary>
    public const int DefaultThreshold = 6;

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.WeakMinimumPinLength,
        "WHfB is on with a minimum PIN length below the threshold",
        "Windows Hello for Business is on for {0}, {1}; MinimumPINLength for them is {2}, below {3}{4}: users can set PINs that short; set MinimumPINLength to {3} or more in the source that holds the PIN complexity settings for these devices (at or below MaximumPINLength).",
        RuleCategories.Deployment,
        DiagnosticSeverity.Info,
        "A WHfB PIN may be as short as the effective minimum PIN length. Left unset, the PassportForWork CSP's default is 4 characters, while the tenant-wide enrollment policy's default and the policy settings page say 6.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var policy = context.Policy;
        var configured = context.Tenant.Option(RuleIds.WeakMinimumPinLength, MinimumPinLengthOption);
        var threshold = PinPolicy.IntegerOption(configured, DefaultThreshold, 4, 127);
        var turnedOn = PinPolicy.HelloTurnedOn(policy, context.Tenant.JoinType == JoinType.Entra);
        if (turnedOn.Count == 0)
        {
            return;
        }

        var minimums = PinPolicy.InEffect(policy, PassportForWorkCatalog.MinimumPinLength);
        var unsetDefault = long.Parse(PassportForWorkCatalog.MinimumPinLength.DefaultValue ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var on in turnedOn)
        {
            var values = new List<PolicySetting>();
            var strongEnough = false;
            foreach (var setting in minimums)
            {
                if (PinPolicy.Overlap(on.Anchor, setting) == OverlapKind.None)
                {
                    continue;
                }

                // A minimum at or above the threshold that can reach any of these devices: say nothing.
                strongEnough |= setting.Value.IntegerValue >= threshold;
                values.Add(setting);
            }

            if (strongEnough || (values.Count == 0 && unsetDefault >= threshold))
            {
                continue;
            }

            var found = values.Count == 0
                ? $"not set, so the CSP default applies: {unsetDefault} (the PassportForWork CSP page; the policy settings page and the enrollment policy's default say 6)"
                : Listing.Join("; ", values, v => $"{v.Value} in {PinPolicy.Where(v)}");
            var why = configured is null
                ? " (PolicyLint's default threshold, the enrollment policy's default PIN length)"
                : " (the rule option minimumPinLength)";
            context.ReportBelow(
                on.LevelsBelow,
                Rule,
                on.Anchor.Location,
                on.Source,
                FindingSubject.Of(PassportForWorkCatalog.MinimumPinLength, on.Anchor.Scope, [on.Source, .. values.Select(v => v.Source)]),
                values.Select(v => v.Location).Where(l => l != on.Anchor.Location).Distinct(),
                on.Whom(),
                on.How(),
                found,
                threshold,
                why);
        }
    }
}

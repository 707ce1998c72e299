using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// Windows Hello for Business is on for a set of devices and RequireSecurityDevice is not true for any of them (set
/// false, or unset: the CSP default is false), so devices without a usable TPM provision software-protected keys.
/// Reported at the setting that turns WHfB on; silent as soon as a RequireSecurityDevice true can reach those devices.
/// </summary>
public sealed class PL5001_SecurityDeviceNotRequired : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.SecurityDeviceNotRequired,
        "WHfB is on without requiring a TPM",
        "Windows Hello for Business is on for {0}, {1}; RequireSecurityDevice for them is {2}: devices without a usable TPM then provision WHfB with software-protected keys; set RequireSecurityDevice to true in the source that holds the PIN complexity settings for these devices, after checking that they have a usable TPM (devices without one can then not provision WHfB).",
        RuleCategories.Deployment,
        DiagnosticSeverity.Info,
        "With RequireSecurityDevice false or not set (the CSP default is false), a device without a usable TPM provisions Windows Hello for Business with keys protected in software. Microsoft's deployment guides call requiring a hardware security device optional but recommended.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var policy = context.Policy;
        var turnedOn = PinPolicy.HelloTurnedOn(policy, context.Tenant.JoinType == JoinType.Entra);
        if (turnedOn.Count == 0)
        {
            return;
        }

        var requireSecurityDevice = PinPolicy.InEffect(policy, PassportForWorkCatalog.RequireSecurityDevice);
        foreach (var on in turnedOn)
        {
            var values = new List<PolicySetting>();
            var required = false;
            foreach (var setting in requireSecurityDevice)
            {
                if (PinPolicy.Overlap(on.Anchor, setting) == OverlapKind.None)
                {
                    continue;
                }

                // A true that can reach any of these devices: the rest may be covered, so say nothing.
                required |= setting.Value.IsTrue;
                values.Add(setting);
            }

            if (required)
            {
                continue;
            }

            var found = values.Count == 0
                ? "not set, so the CSP default applies (false)"
                : "false in " + Listing.Join("; ", values, PinPolicy.Where);
            context.ReportBelow(
                on.LevelsBelow,
                Rule,
                on.Anchor.Location,
                on.Source,
                FindingSubject.Of(PassportForWorkCatalog.RequireSecurityDevice, on.Anchor.Scope, [on.Source, .. values.Select(v => v.Source)]),
                values.Select(v => v.Location).Where(l => l != on.Anchor.Location).Distinct(),
                on.Whom(),
                on.How(),
                found);
        }
    }
}

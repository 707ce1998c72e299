using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// Group Policy configures Windows Hello for Business for devices that also get Intune WHfB settings: the two are
/// never to be mixed, and what applies is decided per precedence group, so the result is partly each.
/// </summary>
public sealed class PL2002_GroupPolicyOverridesIntune : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.GroupPolicyOverridesIntune,
        "Group Policy and Intune both configure Windows Hello for Business",
        "{0} and Group Policy ({1}) both configure Windows Hello for Business for the same devices ({2}), so what a device enforces is mixed. Unused (Group Policy decides): {3}. Still applies from Intune: {4}.{5} Configure WHfB in one place: set the GPO's WHfB policies to Not configured (or unlink it from these devices) when moving to Intune, or stop targeting these devices with the Intune policy.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Warning,
        "Microsoft says not to manage Windows Hello for Business with both Group Policy and MDM. Precedence is decided per group of settings (enablement with certificate trust, PIN complexity with the security device), so a device ends up with part of each, and newer pages say the Intune settings are ignored altogether while Group Policy WHfB settings exist.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var gpos = new List<PolicySource>();
        var intune = new List<PolicySource>();
        foreach (var source in context.Policy.Sources)
        {
            if (source.IsGroupPolicy && HasHelloSetting(source))
            {
                gpos.Add(source);
            }
            else if (source.Kind.IsIntune() && source.Kind != SourceKind.TenantWideEnrollment && HasHelloSetting(source))
            {
                intune.Add(source);
            }
        }

        if (gpos.Count == 0)
        {
            return;
        }

        // One finding per Intune policy naming every GPO that reaches its devices: GPOs with WHfB policy are few, and a
        // finding per pair would repeat the same list of unused settings.
        foreach (var profile in intune)
        {
            var reaching = new List<PolicySource>();
            var overlap = OverlapKind.None;
            foreach (var gpo in gpos)
            {
                var kind = AssignmentOverlap.Between(gpo, profile);
                if (kind == OverlapKind.None)
                {
                    continue;
                }

                reaching.Add(gpo);
                overlap = overlap == OverlapKind.None ? kind : Surest(overlap, kind);
            }

            if (reaching.Count > 0)
            {
                Report(context, profile, reaching, overlap);
            }
        }
    }

    private static void Report(EffectivePolicyAnalysisContext context, PolicySource profile, List<PolicySource> gpos, OverlapKind overlap)
    {
        var unused = new List<string>();
        var applies = new List<string>();
        var policyCsp = new List<string>();
        PolicySetting? first = null;
        foreach (var setting in profile.Settings)
        {
            if (!setting.TakesEffect || setting.Node is not { } node || ReferenceEquals(node, PassportForWorkCatalog.MdmWinsOverGp))
            {
                continue;
            }

            first ??= setting;
            var shadowing = context.Policy.ShadowingOf(setting);
            if (shadowing is { Winner.Source.IsGroupPolicy: true })
            {
                unused.Add(Unused(setting, shadowing));
            }
            else if (!node.IsPassportForWork)
            {
                policyCsp.Add(PolicyCspOutcome(context.Policy, setting, gpos));
            }
            else
            {
                applies.Add($"{setting.DisplayPath} = {setting.Value}");
            }
        }

        if (first is null)
        {
            return;
        }

        var gpoNames = Listing.Join(", ", gpos, g => $"GPO '{g.DisplayName}'");
        var policyCspText = policyCsp.Count == 0
            ? string.Empty
            : " Policy CSP settings (MDMWinsOverGP applies to these, not to PassportForWork): " + string.Join("; ", policyCsp) + ".";
        context.ReportBelow(
            OverlapLevels.LevelsBelow(overlap),
            Rule,
            first.Location,
            profile,
            FindingSubject.Of("gpo-and-intune", profile),
            RelatedLocations(gpos),
            profile.Describe(),
            gpoNames,
            Overlap(overlap),
            unused.Count == 0 ? "none of its settings (no GPO sets a node or group that it sets)" : string.Join("; ", unused),
            applies.Count == 0 ? "none" : string.Join("; ", applies),
            policyCspText);
    }

    private static string Unused(PolicySetting setting, Shadowing shadowing)
    {
        var winner = shadowing.Winner;
        var why = shadowing.IsByGroup
            ? shadowing.Group == PrecedenceGroup.Enablement
                ? $"GPO '{winner.Source.DisplayName}' sets UsePassportForWork = {winner.Value}, so enablement and certificate trust come from Group Policy"
                : $"GPO '{winner.Source.DisplayName}' sets {winner.Node?.Name} = {winner.Value}, so all PIN complexity and security device settings come from Group Policy"
            : $"GPO '{winner.Source.DisplayName}' sets {winner.Value}";
        return $"{setting.DisplayPath} = {setting.Value} at {setting.Location} ({why})";
    }

    /// <summary>For a Policy CSP node: Group Policy wins unless MDMWinsOverGP = 1 reaches the device.</summary>
    private static string PolicyCspOutcome(EffectivePolicy policy, PolicySetting setting, List<PolicySource> gpos)
    {
        var name = setting.DisplayPath;
        var gpoSets = policy.SettingsOf(setting.Node!).Any(s => s.Source.IsGroupPolicy && gpos.Contains(s.Source));
        if (policy.PrecedenceOf(setting).Tier == PrecedenceTier.MdmWinsOverGp)
        {
            var carrier = MdmWinsOverGpFor(policy, setting);
            return $"{name} = {setting.Value} applies, also over Group Policy, because MDMWinsOverGP = 1 in {carrier} reaches these devices";
        }

        var possible = MdmWinsOverGpFor(policy, setting, certainOnly: false);
        var where = possible is null
            ? "no assigned profile sets MDMWinsOverGP = 1 for these devices"
            : $"MDMWinsOverGP = 1 in {possible} may reach some of them (where it does, the Intune value wins)";
        return gpoSets
            ? $"{name} = {setting.Value} is overridden by Group Policy, which also sets it, because {where}"
            : $"{name} = {setting.Value} applies (no GPO sets it; if one does later, Group Policy wins because {where})";
    }

    private static string? MdmWinsOverGpFor(EffectivePolicy policy, PolicySetting setting, bool certainOnly = true)
    {
        foreach (var carrier in policy.SettingsOf(PassportForWorkCatalog.MdmWinsOverGp))
        {
            if (carrier.Value is not { Kind: PolicyValueKind.Integer, IntegerValue: 1 } || carrier.Source.IsGroupPolicy)
            {
                continue;
            }

            var overlap = AssignmentOverlap.Between(carrier.Source, setting.Source);
            if (overlap == OverlapKind.Certain || (!certainOnly && overlap != OverlapKind.None))
            {
                return $"{carrier.Source.Describe()} ({carrier.Location})";
            }
        }

        return certainOnly ? "an assigned profile" : null;
    }

    private static string Overlap(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => "certain overlap: a GPO linked at the domain root and an Intune policy for all devices or users",
        OverlapKind.Assumed => "possible overlap: GPO links name OUs and Intune assignments name Entra groups, so hybrid-joined devices may get both",
        _ => OverlapLevels.Describe(overlap),
    };

    private static OverlapKind Surest(OverlapKind a, OverlapKind b) =>
        a == OverlapKind.Certain || b == OverlapKind.Certain ? OverlapKind.Certain
        : a == OverlapKind.Assumed || b == OverlapKind.Assumed ? OverlapKind.Assumed
        : OverlapKind.Pending;

    private static bool HasHelloSetting(PolicySource source)
    {
        foreach (var setting in source.Settings)
        {
            if (setting.TakesEffect && setting.Node is { IsPassportForWork: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A loop, not Select over the SourceLocation struct (JIT-compiled at every start: docs/performance.md).</summary>
    private static List<SourceLocation> RelatedLocations(List<PolicySource> gpos)
    {
        var locations = new List<SourceLocation>(gpos.Count);
        foreach (var gpo in gpos)
        {
            locations.Add(FirstHelloLocation(gpo));
        }

        return locations;
    }

    private static SourceLocation FirstHelloLocation(PolicySource gpo)
    {
        foreach (var setting in gpo.Settings)
        {
            if (setting.TakesEffect && setting.Node is { IsPassportForWork: true })
            {
                return setting.Location;
            }
        }

        return gpo.Location;
    }
}

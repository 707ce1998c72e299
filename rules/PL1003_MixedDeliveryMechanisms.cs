using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// One PassportForWork node set through more than one Intune mechanism (Settings Catalog, Account Protection, security
/// baseline, Identity Protection, custom OMA-URI) for targets that can meet, whatever the values. Reported once per
/// setting of the later mechanism in that order, listing the overlapping settings of the earlier ones. Pairs with a
/// deprecated template that PL1002 reports are left to it. O(n log n): settings grouped per node, indexed per kind.
/// </summary>
public sealed class PL1003_MixedDeliveryMechanisms : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.MixedDeliveryMechanisms,
        "WHfB setting delivered by several Intune mechanisms",
        "{0} is {1} in {2} ({3}) and also set by {4}: one node managed in several places of the Intune admin center drifts, and they do not report conflicts alike (Intune shows conflicts between configuration policies but does not evaluate the payload of a custom OMA-URI profile), so the next edit in one of them can become a conflict the portal may not show; keep the node in one mechanism (preferably the Settings Catalog or an Account protection policy) and remove it from the others.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Info,
        "The Settings Catalog, Account Protection policies, security baselines, the Identity Protection template and custom OMA-URI profiles can all write the same PassportForWork node. Setting one node in several of them, even to the same value, leaves no single place that decides it.",
        RuleTags.LevelVaries);

    /// <summary>Source kinds in the order their mechanisms are listed; a finding sits on the later one of a pair.</summary>
    private static readonly SourceKind[] Kinds =
    [
        SourceKind.SettingsCatalog,
        SourceKind.AccountProtection,
        SourceKind.AccountProtectionIntent,
        SourceKind.AccountProtectionPreview,
        SourceKind.SecurityBaseline,
        SourceKind.IdentityProtection,
        SourceKind.CustomOmaUri,
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        // (node, scope) -> settings in source order, with the kinds seen, so nodes set by one mechanism cost nothing more.
        var byNode = new Dictionary<string, NodeSettings>(StringComparer.Ordinal);
        foreach (var source in context.Policy.Sources)
        {
            var kind = Array.IndexOf(Kinds, source.Kind);
            if (kind < 0)
            {
                continue;
            }

            foreach (var setting in source.Settings)
            {
                if (!Configured(setting) || !setting.Node!.IsPassportForWork)
                {
                    continue;
                }

                var key = setting.Node.Id + (setting.Scope == PolicyScope.User ? "|user" : "|device");
                if (!byNode.TryGetValue(key, out var group))
                {
                    byNode[key] = group = new NodeSettings();
                }

                group.Add(setting, kind);
            }
        }

        foreach (var group in byNode.Values)
        {
            if (group.Mechanisms > 1)
            {
                ReportNode(context, group);
            }
        }
    }

    private static void ReportNode(EffectivePolicyAnalysisContext context, NodeSettings group)
    {
        var indexes = new StrongestOverlap?[Kinds.Length];
        foreach (var (setting, kind) in group.Settings)
        {
            (indexes[kind] ??= new StrongestOverlap()).Add(setting);
        }

        foreach (var (setting, kind) in group.Settings)
        {
            // The surest overlapping setting of each earlier mechanism.
            var hits = new List<(PolicySetting Setting, OverlapKind Overlap)>();
            for (var other = 0; other < Kinds.Length; other++)
            {
                if (indexes[other] is not { } index || Mechanism(Kinds[other]) >= Mechanism(Kinds[kind]) || ReportedByPL1002(Kinds[kind], Kinds[other]))
                {
                    continue;
                }

                if (index.Find(setting) is not { } hit)
                {
                    continue;
                }

                var same = hits.FindIndex(h => Mechanism(h.Setting.Source.Kind) == Mechanism(Kinds[other]));
                if (same < 0)
                {
                    hits.Add(hit);
                }
                else if (StrongestOverlap.Surest(hit.Overlap, hits[same].Overlap) != hits[same].Overlap)
                {
                    hits[same] = hit;
                }
            }

            if (hits.Count == 0)
            {
                continue;
            }

            var surest = OverlapKind.None;
            foreach (var hit in hits)
            {
                surest = StrongestOverlap.Surest(surest, hit.Overlap);
            }

            var others = hits.Select(h => h.Setting.Source).Prepend(setting.Source).ToArray();
            context.ReportBelow(
                OverlapLevels.LevelsBelow(surest),
                Rule,
                setting.Location,
                setting.Source,
                FindingSubject.Of(setting.Node!, setting.Scope, others),
                hits.Select(h => h.Setting.Location).ToList(),
                setting.DisplayPath,
                setting.Value,
                setting.Source.Describe(),
                // Made when shown: a large tenant has thousands of these findings (docs/performance.md, memory).
                MessageArgument.Deferred(() => Reach.Describe(setting.Source)),
                MessageArgument.Deferred(() => Listing.Join("; ", hits, h => $"{h.Setting.Source.Describe()} as {h.Setting.Value} ({h.Setting.Location}; {OverlapLevels.Describe(h.Overlap)})")));
        }
    }

    /// <summary>The mechanism of a kind: the Account Protection forms (current, intent, Preview) are one.</summary>
    private static int Mechanism(SourceKind kind) => kind switch
    {
        SourceKind.SettingsCatalog => 0,
        SourceKind.AccountProtection or SourceKind.AccountProtectionIntent or SourceKind.AccountProtectionPreview => 1,
        SourceKind.SecurityBaseline => 2,
        SourceKind.IdentityProtection => 3,
        _ => 4,
    };

    /// <summary>
    /// The pairs PL1002 reports (a deprecated template next to a profile that replaces it, or next to the other deprecated
    /// template), with the nodes both set and their values: the same fact, so PL1003 leaves them to it. Identity Protection
    /// next to an Account Protection intent is not among them and stays here.
    /// </summary>
    private static bool ReportedByPL1002(SourceKind a, SourceKind b)
    {
        static bool Deprecated(SourceKind kind) => kind is SourceKind.IdentityProtection or SourceKind.AccountProtectionPreview;
        static bool Partner(SourceKind kind) => kind is SourceKind.SettingsCatalog or SourceKind.AccountProtection or SourceKind.SecurityBaseline or SourceKind.CustomOmaUri;
        return (Deprecated(a) && (Partner(b) || (a == SourceKind.IdentityProtection && b == SourceKind.AccountProtectionPreview)))
            || (Deprecated(b) && (Partner(a) || (b == SourceKind.IdentityProtection && a == SourceKind.AccountProtectionPreview)));
    }

    private static bool Configured(PolicySetting setting) =>
        setting.Node is not null && setting.IsApplied && setting.Value.Kind != PolicyValueKind.None && setting.Problem == SettingProblem.None;

    /// <summary>The settings of one node in one scope, with how many mechanisms set it.</summary>
    private sealed class NodeSettings
    {
        private int _mechanisms;

        public List<(PolicySetting Setting, int Kind)> Settings { get; } = [];

        public int Mechanisms => System.Numerics.BitOperations.PopCount((uint)_mechanisms);

        public void Add(PolicySetting setting, int kind)
        {
            Settings.Add((setting, kind));
            _mechanisms |= 1 << Mechanism(Kinds[kind]);
        }
    }
}

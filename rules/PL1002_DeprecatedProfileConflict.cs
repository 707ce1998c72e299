using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// A deprecated WHfB profile (Identity Protection, Account protection (Preview)) and another profile both configure
/// WHfB: per pair, the nodes both set and their values. Error for certain overlap, one level below for possible
/// overlap, a note when either side is unassigned (docs/levels.md).
/// </summary>
public sealed class PL1002_DeprecatedProfileConflict : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.DeprecatedProfileConflict,
        "Deprecated WHfB profile conflicts with another WHfB profile",
        "{0} and {1} both configure Windows Hello for Business for {2}; {3}: Intune reports the settings of such a pair as conflicting, and WHfB provisioning may not start (the User Device Registration admin log shows Event 360, 'Windows Hello for Business provisioning will not be launched.'); keep the WHfB settings in {4} only (add any that '{5}' sets and it lacks), then unassign '{5}'.",
        RuleCategories.Deprecation,
        DiagnosticSeverity.Error,
        "The deprecated Identity Protection profile and Account protection (Preview) template and the profiles that replace them (Account protection, Settings Catalog, security baselines, custom OMA-URI) write the same PassportForWork nodes. When two of them reach a device, Intune marks the settings as in conflict and does not deliver them consistently, and Windows Hello for Business provisioning may not start.",
        RuleTags.LevelVaries);

    /// <summary>Profile kinds that replace the deprecated ones.</summary>
    private static readonly SourceKind[] Current =
        [SourceKind.SettingsCatalog, SourceKind.AccountProtection, SourceKind.SecurityBaseline, SourceKind.CustomOmaUri];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var configuring = context.Policy.Sources.Where(s => Configured(s).Any()).ToList();
        var identityProtection = configuring.Where(s => s.Kind == SourceKind.IdentityProtection).ToList();
        var preview = configuring.Where(s => s.Kind == SourceKind.AccountProtectionPreview).ToList();
        if (identityProtection.Count + preview.Count == 0)
        {
            return;
        }

        // Index one configured setting per replacement profile by whom it targets, so each deprecated profile is only
        // compared with profiles it can meet (n log n over a tenant, not every deprecated profile against every current one).
        var currentIndex = new OverlapIndex();
        var previewIndex = new OverlapIndex();
        foreach (var source in configuring)
        {
            if (Current.Contains(source.Kind))
            {
                currentIndex.Add(Configured(source).First());
            }
            else if (source.Kind == SourceKind.AccountProtectionPreview)
            {
                previewIndex.Add(Configured(source).First());
            }
        }

        foreach (var old in identityProtection.Concat(preview))
        {
            // An Identity Protection profile is paired with the preview intents too; a preview intent with current profiles only.
            var probe = Configured(old).First();
            var others = old.Kind == SourceKind.IdentityProtection
                ? previewIndex.FindAllOverlapping(probe).Concat(currentIndex.FindAllOverlapping(probe))
                : currentIndex.FindAllOverlapping(probe);
            foreach (var (other, _) in others)
            {
                ReportPair(context, old, other.Source);
            }
        }
    }

    private static void ReportPair(EffectivePolicyAnalysisContext context, PolicySource old, PolicySource other)
    {
        var unassigned = old.AssignmentState == AssignmentState.Unassigned || other.AssignmentState == AssignmentState.Unassigned;
        var overlap = unassigned ? OverlapKind.Assumed : AssignmentOverlap.Between(old, other);
        if (overlap == OverlapKind.None)
        {
            return;
        }

        // The long parts are made when shown: a large tenant has hundreds of these findings (docs/performance.md, memory).
        object whom;
        int levelsBelow;
        if (unassigned)
        {
            var which = old.AssignmentState == AssignmentState.Unassigned ? old : other;
            whom = $"no device yet ('{which.DisplayName}' is not assigned; this takes effect once both are assigned to the same devices)";
            levelsBelow = 2;
        }
        else if (overlap == OverlapKind.Assumed)
        {
            whom = "devices that may be the same (possible overlap: the export cannot show that both reach the same devices)";
            levelsBelow = 1;
        }
        else
        {
            whom = MessageArgument.Deferred(() => Shared(old, other) + " (certain overlap)");
            levelsBelow = 0;
        }

        // Both deprecated (Identity Protection next to a preview intent): the settings belong in a current profile.
        var keep = other.Kind == SourceKind.AccountProtectionPreview
            ? "one current Account protection or Settings Catalog profile (both of these templates are deprecated)"
            : $"'{other.DisplayName}'";

        context.ReportBelow(
            levelsBelow,
            Rule,
            old.Location,
            old,
            FindingSubject.Of("deprecated-profile-conflict", old, other),
            [other.Location],
            old.Describe(),
            $"{other.Describe()} ({other.Location})",
            whom,
            MessageArgument.Deferred(() => SharedNodes(old, other)),
            keep,
            old.DisplayName);
    }

    /// <summary>Settings a profile configures with a usable value, whether or not it is assigned yet.</summary>
    private static IEnumerable<PolicySetting> Configured(PolicySource source) =>
        source.Settings.Where(s => s.Node is { IsPassportForWork: true } && s.IsApplied && s.Value.Kind != PolicyValueKind.None && s.Problem == SettingProblem.None);

    /// <summary>"both set MinimumPINLength (device scope): 6 in 'A', 8 in 'B'", or that they share no node.</summary>
    private static string SharedNodes(PolicySource a, PolicySource b)
    {
        var byNode = Configured(b).GroupBy(s => (s.Node!, s.Scope)).ToDictionary(g => g.Key, g => g.First());
        var shared = Configured(a)
            .Where(s => byNode.ContainsKey((s.Node!, s.Scope)))
            .DistinctBy(s => (s.Node!, s.Scope))
            .Select(s => $"{s.DisplayPath}: {s.Value} in '{a.DisplayName}', {byNode[(s.Node!, s.Scope)].Value} in '{b.DisplayName}'")
            .ToList();
        return shared.Count == 0
            ? "they set no node in common today, but either edit can make them collide"
            : "both set " + string.Join("; ", shared);
    }

    /// <summary>Whom both reach for certain.</summary>
    private static string Shared(PolicySource a, PolicySource b)
    {
        foreach (var include in a.Assignments.Where(x => !x.IsExclusion))
        {
            var match = b.Assignments.FirstOrDefault(x => !x.IsExclusion && (x.IsAllTarget || include.IsAllTarget || x.TargetKey == include.TargetKey));
            if (match is not null)
            {
                var target = include.IsAllTarget ? include : match;
                return $"the same devices ({target.Describe()})";
            }
        }

        return "the same devices";
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>An Identity Protection profile and a current profile both configure WHfB for overlapping assignments.</summary>
public sealed class PL1002_DeprecatedProfileConflict : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.DeprecatedProfileConflict,
        "Identity Protection profile conflicts with a current WHfB profile",
        "Identity Protection profile '{0}' and {1} both configure Windows Hello for Business for {2}: Intune reports the pair as conflicting, and devices that receive both skip WHfB provisioning (User Device Registration Event 360, 0x801C03F2); keep the WHfB settings in '{3}' only (add any the Identity Protection profile sets that it lacks), then unassign '{0}'.",
        RuleCategories.Deprecation,
        DiagnosticSeverity.Error,
        "The deprecated Identity Protection profile and the profiles that replace it (Account protection, Settings Catalog, security baselines, custom OMA-URI) write the same PassportForWork nodes. When both reach a device, Intune marks the settings as in conflict and does not deliver them consistently, and Windows Hello for Business provisioning does not start.");

    /// <summary>Profile kinds that replace the Identity Protection profile (the deprecated intents have rules of their own).</summary>
    private static readonly SourceKind[] Current =
        [SourceKind.SettingsCatalog, SourceKind.AccountProtection, SourceKind.SecurityBaseline, SourceKind.CustomOmaUri];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var configuring = context.Policy.Sources.Where(s => Reach.WhfbSettings(s).Any()).ToList();
        var deprecated = configuring.Where(s => s.Kind == SourceKind.IdentityProtection).ToList();
        if (deprecated.Count == 0)
        {
            return;
        }

        var current = configuring.Where(s => Current.Contains(s.Kind)).ToList();
        foreach (var old in deprecated)
        {
            foreach (var other in current)
            {
                var overlap = AssignmentOverlap.Between(old, other);
                if (overlap == OverlapKind.None)
                {
                    continue;
                }

                context.Report(
                    Rule,
                    old.Location,
                    old,
                    $"{old.Id ?? old.DisplayName}|{other.Id ?? other.DisplayName}",
                    [other.Location],
                    old.DisplayName,
                    $"{other.Describe()} ({other.Location})",
                    Shared(old, other, overlap),
                    other.DisplayName);
            }
        }
    }

    /// <summary>Whom both reach, as far as the export says.</summary>
    private static string Shared(PolicySource a, PolicySource b, OverlapKind overlap)
    {
        if (overlap == OverlapKind.Assumed)
        {
            return "devices that may be the same (the assignments of one of them are not in the export, so overlap is assumed)";
        }

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

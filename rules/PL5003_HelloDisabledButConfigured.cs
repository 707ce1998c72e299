using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// UsePassportForWork is false while settings that act only on a provisioned WHfB credential are set for the same
/// devices: they do nothing there. One finding per disabling setting and overlap kind, at the disabling setting.
/// </summary>
public sealed class PL5003_HelloDisabledButConfigured : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.HelloDisabledButConfigured,
        "Windows Hello for Business is off but its settings are configured",
        "{0} '{1}' turns Windows Hello for Business off ({2} = false, '{3}'; {4}), so no user can provision it, while {5} for the same devices ({6}): {7}; they have nothing to act on. If WHfB is meant to be off there, remove them; if it is meant to be on, fix the setting that turns it off.",
        RuleCategories.Deployment,
        DiagnosticSeverity.Warning,
        "With UsePassportForWork false no Windows Hello for Business credential is provisioned, so settings that shape that credential (its PIN, its key storage, its recovery, its certificates) do nothing. They look like active controls in the admin center, and they apply unreviewed once someone turns WHfB on.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var policy = context.Policy;
        var disablers = new List<PolicySetting>();
        var dependents = new List<PolicySetting>();
        foreach (var source in policy.Sources)
        {
            // The tenant-wide enrollment policy acts at enrollment only and is usually disabled on purpose (PL1004).
            if (source.Kind == SourceKind.TenantWideEnrollment)
            {
                continue;
            }

            foreach (var setting in source.Settings)
            {
                if (setting.Node is not { } node || setting.Problem != SettingProblem.None || !setting.IsApplied || policy.ShadowingOf(setting) is not null)
                {
                    continue;
                }

                if (node == PassportForWorkCatalog.UsePassportForWork && setting.Value.IsFalse && !InConflict(policy, setting))
                {
                    disablers.Add(setting);
                }
                else if (CountsAsDependent(node, setting))
                {
                    dependents.Add(setting);
                }
            }
        }

        foreach (var disabler in disablers)
        {
            var byOverlap = new Dictionary<OverlapKind, List<PolicySetting>>();
            foreach (var dependent in dependents)
            {
                // A setting in the same profile or GPO as the false certainly reaches the same devices.
                var overlap = ReferenceEquals(dependent.Source, disabler.Source) ? OverlapKind.Certain : AssignmentOverlap.Between(disabler, dependent);
                if (overlap == OverlapKind.None)
                {
                    continue;
                }

                if (!byOverlap.TryGetValue(overlap, out var list))
                {
                    byOverlap[overlap] = list = [];
                }

                list.Add(dependent);
            }

            foreach (var overlap in new[] { OverlapKind.Certain, OverlapKind.Assumed, OverlapKind.Pending })
            {
                if (byOverlap.TryGetValue(overlap, out var found))
                {
                    Report(context, disabler, found, overlap);
                }
            }
        }
    }

    /// <summary>
    /// Acts only on a provisioned credential, set to something other than its default (an explicit default, such as the
    /// false an Identity Protection profile stores for an option left alone, changes nothing either way). The trust
    /// nodes are PL3003's (error) when WHfB is off, so they are not repeated here.
    /// </summary>
    private static bool CountsAsDependent(CspNode node, PolicySetting setting) =>
        node.ActsOnlyOnProvisionedHello(setting.Source.Kind)
        && node != PassportForWorkCatalog.UseCertificateForOnPremAuth
        && node != PassportForWorkCatalog.UseCloudTrustForOnPremAuth
        && !node.IsDefault(setting.Value)
        && !IsOtherDocumentedDefault(node, setting.Value);

    /// <summary>
    /// Defaults other pages give where the sources disagree: an unset minimum PIN length is 6 on the policy settings
    /// page (reference C3), and unset PIN classes mean digits required, letters and special characters not allowed
    /// (reference C1, H15). A value equal to any documented default is not counted.
    /// </summary>
    private static bool IsOtherDocumentedDefault(CspNode node, PolicyValue value) =>
        value.Kind == PolicyValueKind.Integer && (IsPinClass(node) && value.IntegerValue == 0 || value.IntegerValue == (
            node == PassportForWorkCatalog.MinimumPinLength ? 6
            : node == PassportForWorkCatalog.Digits ? 1
            : node == PassportForWorkCatalog.LowercaseLetters || node == PassportForWorkCatalog.UppercaseLetters || node == PassportForWorkCatalog.SpecialCharacters ? 2
            : -1));

    /// <summary>The description framework gives 0 (allowed) as the default of every PIN class (reference C1).</summary>
    private static bool IsPinClass(CspNode node) =>
        node == PassportForWorkCatalog.Digits || node == PassportForWorkCatalog.LowercaseLetters
        || node == PassportForWorkCatalog.UppercaseLetters || node == PassportForWorkCatalog.SpecialCharacters;

    private static bool InConflict(EffectivePolicy policy, PolicySetting setting)
    {
        foreach (var conflict in policy[PassportForWorkCatalog.UsePassportForWork]?.Conflicts ?? [])
        {
            if (ReferenceEquals(conflict.First, setting) || ReferenceEquals(conflict.Second, setting))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(EffectivePolicyAnalysisContext context, PolicySetting disabler, List<PolicySetting> dependents, OverlapKind overlap)
    {
        var source = disabler.Source;
        var count = dependents.Count == 1 ? "1 setting that acts only on a provisioned WHfB credential is set" : $"{dependents.Count} settings that act only on a provisioned WHfB credential are set";
        var list = Listing.Join("; ", dependents, Describe);
        var sources = dependents.Select(d => d.Source).Prepend(source).ToArray();
        context.ReportBelow(OverlapLevels.LevelsBelow(overlap), Rule, disabler.Location, source,
            FindingSubject.Of($"hello-off-but-configured|{(disabler.Scope == PolicyScope.Device ? "device" : "user")}|{overlap}", sources),
            dependents.Select(d => d.Location),
            source.Kind.DisplayName(), source.DisplayName, disabler.DisplayPath, disabler.WrittenName, Reach.Describe(source),
            count, OverlapLevels.Describe(overlap), list);
    }

    private static string Describe(PolicySetting setting)
    {
        var where = $"{setting.DisplayPath} = {setting.Value} in {setting.Source.Describe()} ({setting.Location})";

        // Microsoft's pages say the PIN Complexity Group Policy settings apply to all PINs and say nothing about the CSP nodes.
        return setting.Node!.HelloDependency == HelloDependency.PinComplexity ? where + " (no documented effect without WHfB)" : where;
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// DisablePostLogonProvisioning is true (Settings Catalog, custom OMA-URI, or the GPO check box "Do not start Windows
/// Hello provisioning after sign-in"): users are not prompted to enrol after they sign in.
/// </summary>
public sealed class PL5004_PostLogonProvisioningDisabled : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.PostLogonProvisioningDisabled,
        "Post-logon provisioning is disabled",
        "{0} '{1}' sets {2} to true ('{3}'; {4}): Windows Hello for Business does not start provisioning automatically after the user signs in, so users are not prompted to enrol; unless a non-Microsoft solution provisions Windows Hello for Business, {5}.",
        RuleCategories.Deployment,
        DiagnosticSeverity.Warning,
        "Microsoft describes 'Do not start Windows Hello provisioning after sign-in' for organisations that provision Windows Hello for Business with a non-Microsoft solution. In a tenant that relies on the prompt after sign-in, a rollout then reaches only the users who go looking for it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Node != PassportForWorkCatalog.DisablePostLogonProvisioning || !setting.Value.IsTrue || setting.Problem != SettingProblem.None || !setting.IsApplied)
        {
            return;
        }

        var source = setting.Source;

        // The same profile turns WHfB off in the same scope: nothing is provisioned at all, which PL5003 reports.
        foreach (var other in source.Settings)
        {
            if (other.Node == PassportForWorkCatalog.UsePassportForWork && other.Scope == setting.Scope && other.Value.IsFalse)
            {
                return;
            }
        }

        // A stronger overlapping source that sets false decides for the devices both reach.
        if (context.Policy.ShadowingOf(setting) is { Winner.Value.IsFalse: true })
        {
            return;
        }

        var fix = source.IsGroupPolicy
            ? "clear the check box 'Do not start Windows Hello provisioning after sign-in' of 'Use Windows Hello for Business'"
            : "set DisablePostLogonProvisioning to false or remove it";
        context.Report(Rule, setting.Location, source, FindingSubject.Of(setting.Node, setting.Scope, source), null,
            source.Kind.DisplayName(), source.DisplayName, setting.DisplayPath, setting.WrittenName, Reach.Describe(source), fix);
    }
}

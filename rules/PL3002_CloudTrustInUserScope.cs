using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>Cloud Kerberos trust set in User Configuration or a ./User CSP path, where it does nothing.</summary>
public sealed class PL3002_CloudTrustInUserScope : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.CloudTrustInUserScope,
        "Cloud Kerberos trust set in user scope",
        "UseCloudTrustForOnPremAuth is set in {0} as '{1}', but cloud Kerberos trust is a computer (device-scope) policy only, so this setting does nothing and devices keep their previous trust model; set it in {2} instead.",
        RuleCategories.TrustModel,
        DiagnosticSeverity.Error,
        "Use cloud trust for on-premises authentication exists only in Computer Configuration (Group Policy) and under ./Device (CSP). Set in User Configuration or under ./User it is ignored, and a cloud Kerberos trust rollout silently never starts.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Node != PassportForWorkCatalog.UseCloudTrustForOnPremAuth || setting.Scope != PolicyScope.User)
        {
            return;
        }

        var (where, fix) = setting.Source.IsGroupPolicy
            ? ($"the User Configuration of GPO '{setting.Source.DisplayName}'", "Computer Configuration (Windows Components/Windows Hello for Business)")
            : ($"user scope of {setting.Source.Describe()}", $"device scope ({PassportForWorkCatalog.UseCloudTrustForOnPremAuth.OmaUri(PolicyScope.Device)})");
        context.Report(
            Rule,
            setting.NameLocation,
            setting.Source,
            FindingSubject.Of(setting.Node, setting.Scope, setting.Source),
            null,
            where,
            setting.WrittenName,
            fix);
    }
}

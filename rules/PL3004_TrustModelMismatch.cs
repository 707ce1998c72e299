using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// <c>.policylint.yml</c> says which trust model the tenant deploys (<c>expectedTrustModel</c>, per tenant) and the
/// effective policy gives some devices another one. Silent without <c>expectedTrustModel</c>.
/// </summary>
public sealed class PL3004_TrustModelMismatch : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.TrustModelMismatch,
        "Trust model differs from the expected one",
        "Devices reached by {0} ({1}) get {2}: {3}; .policylint.yml expects {4} for this tenant (expectedTrustModel: {5}){6}. {7}, or set expectedTrustModel to {8} if the tenant really deploys {2}.",
        RuleCategories.TrustModel,
        DiagnosticSeverity.Error,
        "The trust model decides what on-premises infrastructure Windows Hello for Business needs. Devices whose effective policy gives another model than the one the tenant was built for provision credentials that its infrastructure does not support.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        if (context.Tenant.ExpectedTrustModel is not { } expected)
        {
            return;
        }

        foreach (var scope in EffectiveTrustModel.ScopesOf(context.Policy))
        {
            if (scope.Model == expected)
            {
                continue;
            }

            var setting = scope.Decider;
            var related = scope.CertificateOverlap is { } certificate ? new[] { certificate.Location } : null;
            context.ReportBelow(
                OverlapLevels.LevelsBelow(scope.Reach),
                Rule,
                setting.Location,
                setting.Source,
                FindingSubject.Of($"trust-model|{EffectiveTrustModel.ConfigName(scope.Model)}", setting.Source),
                related,
                setting.Source.Describe(),
                Reach.Describe(setting.Source),
                EffectiveTrustModel.Describe(scope.Model),
                Why(scope),
                EffectiveTrustModel.Describe(expected),
                EffectiveTrustModel.ConfigName(expected),
                Certainty(scope),
                Fix(expected),
                EffectiveTrustModel.ConfigName(scope.Model));
        }
    }

    internal static string Why(TrustModelScope scope) => scope.Model switch
    {
        TrustModel.Certificate => $"UseCertificateForOnPremAuth is true at {scope.Decider.Location}, and certificate trust takes precedence over cloud Kerberos trust",
        TrustModel.CloudKerberos => $"UseCloudTrustForOnPremAuth is true at {scope.Decider.Location} and no certificate trust setting applies to them",
        _ => $"the policy turns Windows Hello for Business on (UsePassportForWork true at {scope.Decider.Location}) and no certificate or cloud Kerberos trust setting reaches them, which is key trust",
    };

    /// <summary>Why the finding may be below the rule's level.</summary>
    internal static string Certainty(TrustModelScope scope) => scope switch
    {
        { Reach: OverlapKind.Pending } => " (the policy is not assigned yet: this takes effect once it is assigned)",
        { CertificateOverlap: { } certificate } =>
            $" (possible: certificate trust from {certificate.Source.Describe()} at {certificate.Location} may reach some of the same devices, which then get certificate trust; the others get cloud Kerberos trust)",
        { Reach: OverlapKind.Assumed } => " (possible: the export does not say whom the policy reaches)",
        _ => string.Empty,
    };

    private static string Fix(TrustModel expected) => expected switch
    {
        TrustModel.CloudKerberos => "For cloud Kerberos trust set UseCloudTrustForOnPremAuth to true and UseCertificateForOnPremAuth to false (or remove it) for these devices",
        TrustModel.Certificate => "For certificate trust set UseCertificateForOnPremAuth to true for these devices",
        _ => "For key trust set UseCertificateForOnPremAuth and UseCloudTrustForOnPremAuth to false (or remove them) for these devices",
    };
}

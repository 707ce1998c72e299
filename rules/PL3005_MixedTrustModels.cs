using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// The effective policy of one tenant gives different trust models to different devices. With
/// <c>expectedTrustModel</c> configured, the scopes that differ are PL3004's instead.
/// </summary>
public sealed class PL3005_MixedTrustModels : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.MixedTrustModels,
        "Different trust models in one tenant",
        "This tenant's effective policy gives {0} trust models: {1}. Bring the devices to one model (moving a device from certificate trust to cloud Kerberos trust means deleting its Hello container), or set expectedTrustModel in .policylint.yml so the devices that differ are reported as PL3004.",
        RuleCategories.TrustModel,
        DiagnosticSeverity.Info,
        "Mixed trust models are sometimes a migration in progress, and sometimes a forgotten profile that keeps part of the fleet on another model. Each model needs its own infrastructure, so the mix should be deliberate and temporary.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        if (context.Tenant.ExpectedTrustModel is not null)
        {
            return;
        }

        var scopes = EffectiveTrustModel.ScopesOf(context.Policy);
        var models = scopes.Select(s => s.Model).Distinct().Order().ToList();
        if (models.Count < 2)
        {
            return;
        }

        // The finding sits at the first scope of the model fewest devices' policies give (the odd one out), and
        // names every scope; it can claim no more than its least certain scope.
        var ordered = models.SelectMany(m => scopes.Where(s => s.Model == m)).ToList();
        var first = models.OrderBy(m => scopes.Count(s => s.Model == m)).ThenBy(m => m).Select(m => scopes.First(s => s.Model == m)).First();
        var reach = scopes.Select(s => s.Reach).Aggregate(OverlapKind.Certain, OverlapLevels.Weakest);
        var parts = models.Select(m => $"{EffectiveTrustModel.Describe(m)} for devices reached by "
            + Listing.Join(" and by ", ordered.Where(s => s.Model == m), Describe));
        context.ReportBelow(
            OverlapLevels.LevelsBelow(reach),
            Rule,
            first.Decider.Location,
            first.Source,
            FindingSubject.Of("mixed-trust-models", [.. ordered.Select(s => s.Source).Distinct()]),
            ordered.Where(s => !ReferenceEquals(s, first)).Select(s => s.Decider.Location),
            models.Count,
            string.Join("; ", parts));
    }

    private static string Describe(TrustModelScope scope)
    {
        var pending = scope.Reach == OverlapKind.Pending ? ", once assigned" : string.Empty;
        var certificate = scope.CertificateOverlap is { } overlap
            ? $", except where certificate trust from {overlap.Source.Describe()} also reaches them"
            : string.Empty;
        return $"{scope.Source.Describe()} ({Reach.Describe(scope.Source)}; {Setting(scope)} at {scope.Decider.Location}{pending}{certificate})";
    }

    private static string Setting(TrustModelScope scope) => scope.Model switch
    {
        TrustModel.Certificate => "UseCertificateForOnPremAuth true",
        TrustModel.CloudKerberos => "UseCloudTrustForOnPremAuth true",
        _ => "UsePassportForWork true, no trust setting",
    };
}

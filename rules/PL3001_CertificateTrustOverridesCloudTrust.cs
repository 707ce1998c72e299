using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>Certificate trust and cloud Kerberos trust both enabled for overlapping devices: certificate trust wins.</summary>
public sealed class PL3001_CertificateTrustOverridesCloudTrust : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.CertificateTrustOverridesCloudTrust,
        "Certificate trust overrides cloud Kerberos trust",
        "UseCertificateForOnPremAuth is true in {0} and UseCloudTrustForOnPremAuth is true in {1}{2}: certificate trust takes precedence, so cloud Kerberos trust never takes effect and provisioning waits for a certificate; set UseCertificateForOnPremAuth to false (or remove it) for devices meant to use cloud Kerberos trust.",
        RuleCategories.TrustModel,
        DiagnosticSeverity.Error,
        "When both trust models are enabled for the same device, Windows uses certificate trust. A cloud Kerberos trust deployment then waits for a certificate that is never enrolled, and users fall back to passwords.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        // Winning values only (grouped precedence, reference H13): a certificate-trust true that a stronger source
        // overrides (with false, or by deciding the enablement group) is not a finding where that source applies.
        var certificate = Winning(context.Policy, PassportForWorkCatalog.UseCertificateForOnPremAuth);
        var cloud = Winning(context.Policy, PassportForWorkCatalog.UseCloudTrustForOnPremAuth);
        if (certificate.Count == 0 || cloud.Count == 0)
        {
            return;
        }

        // Report once per cloud-trust setting, naming the overlapping certificate-trust setting with the surest overlap.
        var certificateIndex = new OverlapIndex();
        foreach (var (setting, _) in certificate)
        {
            certificateIndex.Add(setting);
        }

        var partlyOverridden = new Dictionary<PolicySetting, Shadowing>();
        foreach (var (setting, shadowing) in certificate.Concat(cloud))
        {
            if (shadowing is not null)
            {
                partlyOverridden[setting] = shadowing;
            }
        }

        foreach (var (cloudSetting, _) in cloud)
        {
            if (certificateIndex.FindOverlapping(cloudSetting) is not var (certificateSetting, overlap))
            {
                continue;
            }

            // Overridden only where a possibly-overlapping stronger source applies: still a finding, one level lower.
            var caveat = string.Empty;
            foreach (var side in (PolicySetting[])[certificateSetting, cloudSetting])
            {
                if (partlyOverridden.TryGetValue(side, out var shadowing))
                {
                    overlap = OverlapLevels.Weakest(overlap, OverlapKind.Assumed);
                    caveat += $"; where {shadowing.Winner.Source.Describe()} also applies it overrides {side.Node!.Name} ({shadowing.Reason})";
                }
            }

            context.ReportBelow(
                OverlapLevels.LevelsBelow(overlap),
                Rule,
                cloudSetting.Location,
                cloudSetting.Source,
                FindingSubject.Of("certificate-over-cloud-trust", cloudSetting.Source, certificateSetting.Source),
                [certificateSetting.Location],
                Where(certificateSetting),
                Where(cloudSetting),
                $" ({OverlapLevels.Describe(overlap)}{caveat})");
        }
    }

    /// <summary>
    /// Settings of the node that are true and not overridden where they apply: a certain override removes them, a
    /// possible one keeps them with the shadowing that may apply.
    /// </summary>
    private static List<(PolicySetting Setting, Shadowing? Shadowing)> Winning(EffectivePolicy policy, CspNode node)
    {
        var result = new List<(PolicySetting, Shadowing?)>();
        foreach (var setting in policy.SettingsOf(node))
        {
            if (!setting.Value.IsTrue)
            {
                continue;
            }

            var shadowing = policy.ShadowingOf(setting);
            if (shadowing is { Overlap: OverlapKind.Certain })
            {
                continue;
            }

            result.Add((setting, shadowing));
        }

        return result;
    }

    private static string Where(PolicySetting setting) => $"{setting.Source.Describe()} ({setting.Location})";
}

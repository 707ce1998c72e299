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
        "When both trust models are enabled for the same device, Windows uses certificate trust. A cloud Kerberos trust deployment then waits for a certificate that is never enrolled, and users fall back to passwords.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var certificate = context.Policy.SettingsOf(PassportForWorkCatalog.UseCertificateForOnPremAuth).Where(s => s.Value.IsTrue).ToList();
        var cloud = context.Policy.SettingsOf(PassportForWorkCatalog.UseCloudTrustForOnPremAuth).Where(s => s.Value.IsTrue).ToList();
        if (certificate.Count == 0 || cloud.Count == 0)
        {
            return;
        }

        // Report once per cloud-trust setting, naming the first overlapping certificate-trust setting.
        var certificateIndex = new OverlapIndex();
        foreach (var setting in certificate)
        {
            certificateIndex.Add(setting);
        }

        foreach (var cloudSetting in cloud)
        {
            if (certificateIndex.FindOverlapping(cloudSetting) is not var (certificateSetting, overlap))
            {
                continue;
            }

            var note = overlap == OverlapKind.Assumed ? " (assignments are not in the export, so overlap is assumed)" : string.Empty;
            context.Report(
                Rule,
                cloudSetting.Location,
                cloudSetting.Source,
                FindingSubject.Of("certificate-over-cloud-trust", cloudSetting.Source, certificateSetting.Source),
                [certificateSetting.Location],
                Where(certificateSetting),
                Where(cloudSetting),
                note);
        }
    }

    private static string Where(PolicySetting setting) => $"{setting.Source.Describe()} ({setting.Location})";
}

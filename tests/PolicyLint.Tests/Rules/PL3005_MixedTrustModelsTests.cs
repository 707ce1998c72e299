using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL3005_MixedTrustModelsTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    private const string Legacy = "bbbb0000-0000-0000-0000-000000000002";

    private static string CertificateOma(string assignments) =>
        CustomOma("WHfB - Certificate Trust (legacy)", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth\"", "[|true|]"), assignments);

    private static string CloudTrust(string assignments, string id = "c0000000-0000-0000-0000-000000000001") =>
        SettingsCatalog("WHfB - Cloud Kerberos Trust", Choice("usepassportforwork", "true") + ",\n" + Choice("usecloudtrustforonpremauth", "true"), assignments, id);

    [Fact]
    public void Fires_once_per_tenant_naming_every_model_and_the_policies_that_give_it()
    {
        using var temp = new TempDirectory();

        var (result, files) = Lint.Marked(temp, ("cert.json", CertificateOma(GroupAssignment(Legacy))), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));



        var finding = Assert.Single(result.Findings(RuleIds.MixedTrustModels));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("gives 2 trust models: cloud Kerberos trust for devices reached by Settings Catalog profile 'WHfB - Cloud Kerberos Trust'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("; certificate trust for devices reached by custom OMA-URI profile 'WHfB - Certificate Trust (legacy)'", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"group {Pilot}", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set expectedTrustModel", finding.Message, StringComparison.Ordinal);
        Assert.Equal("cloud.json", finding.FilePath);
        Assert.Equal("cert.json", Assert.Single(finding.RelatedLocations).FilePath);
        _ = files;
    }

    [Fact]
    public void Does_not_fire_when_every_scope_gets_the_same_model()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.Marked(temp,
            ("pilot.json", CloudTrust(GroupAssignment(Pilot))),
            ("legacy.json", CloudTrust(GroupAssignment(Legacy), "c0000000-0000-0000-0000-000000000002")));

        Assert.Empty(result.Findings(RuleIds.MixedTrustModels));
    }

    [Fact]
    public void Leaves_the_differing_scopes_to_pl3004_when_the_expected_model_is_configured()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.MarkedWithConfig(temp, "expectedTrustModel: cloudKerberos\n",
            ("cert.json", CertificateOma(GroupAssignment(Legacy))), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));

        Assert.Empty(result.Findings(RuleIds.MixedTrustModels));
        Assert.Single(result.Findings(RuleIds.TrustModelMismatch));
    }

    [Fact]
    public void Key_trust_next_to_cloud_kerberos_trust_is_mixed()
    {
        using var temp = new TempDirectory();
        var enable = SettingsCatalog("WHfB - Enable", Choice("usepassportforwork", "true"), GroupAssignment(Legacy), "e0000000-0000-0000-0000-000000000001");

        var (result, _) = Lint.Marked(temp, ("enable.json", enable), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));

        var finding = Assert.Single(result.Findings(RuleIds.MixedTrustModels));
        Assert.Contains("key trust for devices reached by Settings Catalog profile 'WHfB - Enable'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_tenants_are_not_mixed()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.MarkedWithConfig(temp, "tenants:\n  - a\n  - b\n",
            ("a/cert.json", CertificateOma(GroupAssignment(Legacy))), ("b/cloud.json", CloudTrust(GroupAssignment(Pilot))));

        Assert.Empty(result.Findings(RuleIds.MixedTrustModels));
    }

    [Fact]
    public void Cloud_trust_for_devices_certificate_trust_also_reaches_everywhere_is_not_a_second_model()
    {
        using var temp = new TempDirectory();

        var (sameGroup, _) = Lint.Marked(temp, ("cert.json", CertificateOma(GroupAssignment(Pilot))), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));
        using var all = new TempDirectory();
        var (allDevices, _) = Lint.Marked(all, ("cert.json", CertificateOma(AllDevices())), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));

        Assert.Empty(sameGroup.Findings(RuleIds.MixedTrustModels));
        Assert.Single(sameGroup.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
        Assert.Empty(allDevices.Findings(RuleIds.MixedTrustModels));
    }
}

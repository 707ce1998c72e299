using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL3001_CertificateTrustOverridesCloudTrustTests
{
    [Fact]
    public void Fires_at_the_cloud_trust_value_when_both_trusts_are_on_for_the_same_group()
    {
        using var temp = new TempDirectory();
        var certificate = SettingsCatalog("WHfB cert trust", Choice("usecertificateforonpremauth", "true"), GroupAssignment("aaaa0000-0000-0000-0000-000000000001"), id: "c1");
        var cloud = CustomOma("WHfB cloud trust", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "[|true|]"),
            GroupAssignment("aaaa0000-0000-0000-0000-000000000001"));

        var (result, files) = Lint.Marked(temp, ("cert.json", certificate), ("cloud.json", cloud));

        result.AssertFindingsAtMarks(RuleIds.CertificateTrustOverridesCloudTrust, "cloud.json", files["cloud.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
        Assert.Contains("UseCertificateForOnPremAuth is true in Settings Catalog profile 'WHfB cert trust'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set UseCertificateForOnPremAuth to false", finding.Message, StringComparison.Ordinal);
        Assert.Equal("cert.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Does_not_fire_when_the_assignments_do_not_overlap()
    {
        using var temp = new TempDirectory();
        var certificate = SettingsCatalog("WHfB cert trust", Choice("usecertificateforonpremauth", "true"), GroupAssignment("aaaa0000-0000-0000-0000-000000000001"));
        var cloud = SettingsCatalog("WHfB cloud trust", Choice("usecloudtrustforonpremauth", "true"), GroupAssignment("bbbb0000-0000-0000-0000-000000000002"));

        var (result, _) = Lint.Marked(temp, ("cert.json", certificate), ("cloud.json", cloud));

        Assert.Empty(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
    }

    [Fact]
    public void Does_not_fire_when_certificate_trust_is_false()
    {
        using var temp = new TempDirectory();
        var both = SettingsCatalog("WHfB", Choice("usecertificateforonpremauth", "false") + ",\n" + Choice("usecloudtrustforonpremauth", "true"));

        var (result, _) = Lint.Marked(temp, ("whfb.json", both));

        Assert.Empty(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
    }
}

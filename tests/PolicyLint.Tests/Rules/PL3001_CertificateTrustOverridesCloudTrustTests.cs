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

    [Fact]
    public void Does_not_fire_when_a_stronger_source_overrides_certificate_trust_with_false()
    {
        using var temp = new TempDirectory();
        var certificateOma = CustomOma("WHfB cert trust (legacy)",
            OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth\"", "true"), AllDevices());
        var cloud = SettingsCatalog("WHfB cloud trust", Choice("usecloudtrustforonpremauth", "true"), AllDevices());
        var gpo = GpoReports.Report(GpoReports.GpoXml("WHfB - Domain", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: GpoReports.Policy("Use Windows Hello for Business", "Enabled") + GpoReports.Policy("Use certificate for on-premises authentication", "Disabled"),
            links: GpoReports.Link("contoso.com")));

        var (result, _) = Lint.Marked(temp, ("cert.json", certificateOma), ("cloud.json", cloud), ("gpo.xml", gpo));

        // The GPO at the domain root wins certificate trust (false) on every device the Intune policies reach: the
        // Intune true never applies. (PL2002 reports the mix; PL3001 judges the winning values.)
        Assert.Empty(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
    }

    [Fact]
    public void Does_not_fire_when_the_same_filter_is_included_on_one_side_and_excluded_on_the_other()
    {
        using var temp = new TempDirectory();
        static string WithFilter(string mode) => $$"""
            [ { "target": { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget",
                "deviceAndAppManagementAssignmentFilterId": "f0f0f0f0-0000-0000-0000-00000000000f",
                "deviceAndAppManagementAssignmentFilterType": "{{mode}}" } } ]
            """;
        var certificate = SettingsCatalog("WHfB cert trust", Choice("usecertificateforonpremauth", "true"), WithFilter("include"), id: "c1");
        var cloud = SettingsCatalog("WHfB cloud trust", Choice("usecloudtrustforonpremauth", "true"), WithFilter("exclude"), id: "k1");

        var (result, _) = Lint.Marked(temp, ("cert.json", certificate), ("cloud.json", cloud));

        Assert.Empty(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
    }

    [Fact]
    public void Two_unassigned_profiles_give_a_note_that_takes_effect_once_both_are_assigned()
    {
        using var temp = new TempDirectory();
        var certificate = SettingsCatalog("WHfB cert trust", Choice("usecertificateforonpremauth", "true"), "[]", id: "c1");
        var cloud = CustomOma("WHfB cloud trust", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "[|true|]"), "[]");

        var (result, files) = Lint.Marked(temp, ("cert.json", certificate), ("cloud.json", cloud));

        result.AssertFindingsAtMarks(RuleIds.CertificateTrustOverridesCloudTrust, "cloud.json", files["cloud.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, finding.Severity);
        Assert.Contains("takes effect once both are assigned to the same devices", finding.Message, StringComparison.Ordinal);
    }
}

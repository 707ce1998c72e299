using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL3004_TrustModelMismatchTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    private const string Legacy = "bbbb0000-0000-0000-0000-000000000002";

    private static string CertificateOma(string assignments) =>
        CustomOma("WHfB - Certificate Trust (legacy)", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth\"", "[|true|]"), assignments);

    private static string CloudTrust(string assignments, string id = "c0000000-0000-0000-0000-000000000001") =>
        SettingsCatalog("WHfB - Cloud Kerberos Trust", Choice("usepassportforwork", "true") + ",\n" + Choice("usecloudtrustforonpremauth", "true"), assignments, id);

    [Fact]
    public void Fires_at_certificate_trust_when_the_tenant_expects_cloud_kerberos_trust()
    {
        using var temp = new TempDirectory();

        var (result, files) = Lint.MarkedWithConfig(temp, "expectedTrustModel: cloudKerberos\n",
            ("cert.json", CertificateOma(GroupAssignment(Legacy))), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));

        result.AssertFindingsAtMarks(RuleIds.TrustModelMismatch, "cert.json", files["cert.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.TrustModelMismatch));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("Devices reached by custom OMA-URI profile 'WHfB - Certificate Trust (legacy)'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("get certificate trust: UseCertificateForOnPremAuth is true at cert.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("expects cloud Kerberos trust for this tenant (expectedTrustModel: cloudKerberos)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set UseCloudTrustForOnPremAuth to true and UseCertificateForOnPremAuth to false", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set expectedTrustModel to certificate", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_silent_without_expected_trust_model()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.Marked(temp, ("cert.json", CertificateOma(GroupAssignment(Legacy))));

        Assert.Empty(result.Findings(RuleIds.TrustModelMismatch));
    }

    [Fact]
    public void Does_not_fire_when_the_effective_model_is_the_expected_one()
    {
        using var temp = new TempDirectory();
        var cloud = SettingsCatalog("WHfB", Choice("usepassportforwork", "true") + ",\n" + Choice("usecertificateforonpremauth", "false") + ",\n" + Choice("usecloudtrustforonpremauth", "true"), AllDevices());

        var (result, _) = Lint.MarkedWithConfig(temp, "expectedTrustModel: cloudKerberos\n", ("cloud.json", cloud));

        Assert.Empty(result.Findings(RuleIds.TrustModelMismatch));
    }

    [Fact]
    public void Enabling_hello_where_no_trust_setting_reaches_is_key_trust()
    {
        using var temp = new TempDirectory();
        var enable = SettingsCatalog("WHfB - Enable", Choice("usepassportforwork", "true"), GroupAssignment(Legacy), "e0000000-0000-0000-0000-000000000001");

        var (result, _) = Lint.MarkedWithConfig(temp, "expectedTrustModel: cloudKerberos\n", ("enable.json", enable), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));
        var (asKey, _) = Lint.MarkedWithConfig(temp, "expectedTrustModel: key\n", ("enable.json", enable), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));

        var finding = Assert.Single(result.Findings(RuleIds.TrustModelMismatch));
        Assert.Equal("enable.json", finding.FilePath);
        Assert.Contains("get key trust: the policy turns Windows Hello for Business on", finding.Message, StringComparison.Ordinal);
        var cloud = Assert.Single(asKey.Findings(RuleIds.TrustModelMismatch));
        Assert.Equal("cloud.json", cloud.FilePath);
        Assert.Contains("get cloud Kerberos trust", cloud.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabling_hello_for_devices_a_trust_policy_reaches_is_not_key_trust()
    {
        using var temp = new TempDirectory();
        var enable = SettingsCatalog("WHfB - Enable", Choice("usepassportforwork", "true"), GroupAssignment(Pilot), "e0000000-0000-0000-0000-000000000001");

        var (result, _) = Lint.MarkedWithConfig(temp, "expectedTrustModel: cloudKerberos\n", ("enable.json", enable), ("cloud.json", CloudTrust(GroupAssignment(Pilot))));

        Assert.Empty(result.Findings(RuleIds.TrustModelMismatch));
    }

    [Fact]
    public void Certificate_trust_turned_off_by_a_stronger_source_is_not_the_effective_model()
    {
        using var temp = new TempDirectory();
        var intune = SettingsCatalog("WHfB device", Choice("usecertificateforonpremauth", "true") + ",\n" + Choice("usecloudtrustforonpremauth", "true"), GroupAssignment(Pilot), "d0000000-0000-0000-0000-000000000001");
        var gpo = GpoReports.Report(GpoReports.GpoXml("WHfB - Workstations", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: GpoReports.Policy("Use certificate for on-premises authentication", "Disabled"),
            links: GpoReports.Link("contoso.com/Workstations")));

        var (result, _) = Lint.MarkedWithConfig(temp, "expectedTrustModel: cloudKerberos\n", ("device.json", intune), ("gpo.xml", gpo));
        using var alone = new TempDirectory();
        var (withoutGpo, _) = Lint.MarkedWithConfig(alone, "expectedTrustModel: cloudKerberos\n", ("device.json", intune));

        Assert.Empty(result.Findings(RuleIds.TrustModelMismatch));
        Assert.Single(withoutGpo.Findings(RuleIds.TrustModelMismatch));
    }

    [Fact]
    public void An_unassigned_source_reaches_devices_once_assigned()
    {
        var builder = new PolicyLint.Model.PolicySourceBuilder(PolicyLint.Model.SourceKind.SettingsCatalog, "WHfB", PolicyLint.Model.SourceLocation.ForFile("x.json"))
        {
            AssignmentState = PolicyLint.Model.AssignmentState.Unassigned,
        };

        Assert.Equal(PolicyLint.Model.OverlapKind.Pending, PolicyLint.Resolution.EffectiveTrustModel.ReachOf(builder.Build()));
    }

    [Fact]
    public void Cloud_trust_that_certificate_trust_may_override_is_one_level_below_when_certificate_trust_is_expected()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.MarkedWithConfig(temp, "expectedTrustModel: certificate\n",
            ("cert.json", CertificateOma(GroupAssignment(Pilot))), ("cloud.json", CloudTrust(AllDevices())));

        var finding = Assert.Single(result.Findings(RuleIds.TrustModelMismatch));
        Assert.Equal("cloud.json", finding.FilePath);
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("possible: certificate trust from custom OMA-URI profile 'WHfB - Certificate Trust (legacy)'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("cert.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Each_tenant_is_checked_against_its_own_expected_model()
    {
        using var temp = new TempDirectory();
        const string Yaml = "expectedTrustModel: cloudKerberos\ntenants:\n  - modern\n  - path: legacy\n    expectedTrustModel: certificate\n";

        var (right, _) = Lint.MarkedWithConfig(temp, Yaml, ("legacy/cert.json", CertificateOma(GroupAssignment(Legacy))), ("modern/cloud.json", CloudTrust(GroupAssignment(Pilot))));
        Assert.Empty(right.Findings(RuleIds.TrustModelMismatch));

        using var swapped = new TempDirectory();
        var (wrong, _) = Lint.MarkedWithConfig(swapped, Yaml, ("modern/cert.json", CertificateOma(GroupAssignment(Legacy))), ("legacy/cloud.json", CloudTrust(GroupAssignment(Pilot))));
        Assert.Equal(["legacy/cloud.json", "modern/cert.json"], wrong.Findings(RuleIds.TrustModelMismatch).Select(f => f.FilePath).Order(StringComparer.Ordinal));
    }
}

using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL3003_CloudTrustWithoutHelloTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    private const string Kiosks = "bbbb0000-0000-0000-0000-000000000002";

    private static string CloudTrustRow(string value) =>
        OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", value);

    /// <summary>The 1-based line of the first line holding <paramref name="needle"/> (a Settings Catalog value has no room for a marker).</summary>
    internal static int LineOf(string text, string needle) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(needle, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void Fires_at_the_cloud_trust_value_when_identity_protection_blocks_hello_for_the_same_group()
    {
        using var temp = new TempDirectory();
        var blocked = IdentityProtection("WHfB legacy", "  \"windowsHelloForBusinessBlocked\": true", GroupAssignment(Pilot));
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("[|true|]"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("legacy.json", blocked), ("cloud.json", cloud));

        result.AssertFindingsAtMarks(RuleIds.CloudTrustWithoutHello, "cloud.json", files["cloud.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.CloudTrustWithoutHello));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("UseCloudTrustForOnPremAuth (cloud Kerberos trust) is true in custom OMA-URI profile 'WHfB cloud trust'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("windowsHelloForBusinessBlocked is true in Identity Protection profile 'WHfB legacy' (legacy.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("certain overlap", finding.Message, StringComparison.Ordinal);
        Assert.Contains("enable Windows Hello for Business for these devices", finding.Message, StringComparison.Ordinal);
        Assert.Equal("legacy.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Fires_at_certificate_trust_in_the_same_profile_that_turns_hello_off()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB cert trust",
            Choice("usepassportforwork", "false") + ",\n" + Choice("usecertificateforonpremauth", "true"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("cert.json", profile));

        var finding = Assert.Single(result.Findings(RuleIds.CloudTrustWithoutHello));
        Assert.Equal(LineOf(files["cert.json"].Text, "usecertificateforonpremauth_true"), finding.Line);
        Assert.Contains("UseCertificateForOnPremAuth (certificate trust)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("UsePassportForWork is false in Settings Catalog profile 'WHfB cert trust'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_the_policy_that_turns_hello_off_targets_other_devices()
    {
        using var temp = new TempDirectory();
        var off = SettingsCatalog("WHfB off for kiosks", Choice("usepassportforwork", "false"), GroupAssignment(Kiosks), id: "k1");
        var cloud = SettingsCatalog("WHfB cloud trust", Choice("usepassportforwork", "true") + ",\n" + Choice("usecloudtrustforonpremauth", "true"), GroupAssignment(Pilot), id: "c1");

        var (result, _) = Lint.Marked(temp, ("off.json", off), ("cloud.json", cloud));

        Assert.Empty(result.Findings(RuleIds.CloudTrustWithoutHello));
    }

    [Fact]
    public void Does_not_fire_when_a_user_scope_true_overrides_the_device_scope_false()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB cloud trust",
            Choice("usepassportforwork", "false") + ",\n" + Choice("usepassportforwork", "true", scope: "user") + ",\n" + Choice("usecloudtrustforonpremauth", "true"),
            GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("cloud.json", profile));

        Assert.Empty(result.Findings(RuleIds.CloudTrustWithoutHello));
    }

    [Fact]
    public void Does_not_fire_when_the_trust_value_is_false()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB off", Choice("usepassportforwork", "false") + ",\n" + Choice("usecloudtrustforonpremauth", "false"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("off.json", profile));

        Assert.Empty(result.Findings(RuleIds.CloudTrustWithoutHello));
    }

    [Fact]
    public void Is_a_note_that_waits_for_assignment_when_the_trust_policy_is_unassigned()
    {
        using var temp = new TempDirectory();
        var off = SettingsCatalog("WHfB off", Choice("usepassportforwork", "false"), GroupAssignment(Pilot), id: "o1");
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("[|true|]"), "[]");

        var (result, files) = Lint.Marked(temp, ("off.json", off), ("cloud.json", cloud));

        result.AssertFindingsAtMarks(RuleIds.CloudTrustWithoutHello, "cloud.json", files["cloud.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.CloudTrustWithoutHello));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("takes effect once both are assigned", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_a_warning_when_a_linked_gpo_turns_hello_off_next_to_an_intune_trust_policy()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Shared Devices", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Disabled"), links: Link("contoso.com/Workstations/Shared")));
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("[|true|]"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("gpo.xml", gpo), ("cloud.json", cloud));

        result.AssertFindingsAtMarks(RuleIds.CloudTrustWithoutHello, "cloud.json", files["cloud.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.CloudTrustWithoutHello));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("'Use Windows Hello for Business' is Disabled in the Computer Configuration of GPO 'WHfB - Shared Devices'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("possible overlap", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_when_the_tenant_wide_policy_is_disabled_and_nothing_enables_hello_for_the_trust_devices()
    {
        using var temp = new TempDirectory();
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("[|true|]"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("wide.json", TenantWide("\"disabled\"")), ("cloud.json", cloud));

        result.AssertFindingsAtMarks(RuleIds.CloudTrustWithoutHello, "cloud.json", files["cloud.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.CloudTrustWithoutHello));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("the tenant-wide Windows Hello for Business enrollment policy 'All users and all devices' disables Windows Hello for Business", finding.Message, StringComparison.Ordinal);
        Assert.Contains("keep the tenant-wide policy disabled", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Not configured", finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Does_not_fire_when_the_tenant_wide_policy_is_disabled_and_a_group_targeted_policy_enables_hello()
    {
        using var temp = new TempDirectory();
        var enable = SettingsCatalog("WHfB enable", Choice("usepassportforwork", "true"), GroupAssignment(Pilot), id: "e1");
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("true"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("wide.json", TenantWide("\"disabled\"")), ("enable.json", enable), ("cloud.json", cloud));

        Assert.Empty(result.Findings(RuleIds.CloudTrustWithoutHello));
    }

    [Fact]
    public void Fires_on_hybrid_joined_devices_when_nothing_enables_hello()
    {
        using var temp = new TempDirectory();
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("[|true|]"), GroupAssignment(Pilot));

        var (result, files) = FactsLint.Marked(temp, new TenantFacts { JoinType = JoinType.Hybrid }, ("cloud.json", cloud));

        result.AssertFindingsAtMarks(RuleIds.CloudTrustWithoutHello, "cloud.json", files["cloud.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.CloudTrustWithoutHello));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("no policy enables Windows Hello for Business, and .policylint.yml says joinType: hybrid", finding.Message, StringComparison.Ordinal);
        Assert.Empty(finding.RelatedLocations);
    }

    [Fact]
    public void Is_one_level_below_when_devices_are_of_both_join_types()
    {
        using var temp = new TempDirectory();
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("[|true|]"), GroupAssignment(Pilot));

        var (result, _) = FactsLint.Marked(temp, new TenantFacts { JoinType = JoinType.Both }, ("cloud.json", cloud));

        var finding = Assert.Single(result.Findings(RuleIds.CloudTrustWithoutHello));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("only the hybrid joined devices among them", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(JoinType.Entra)]
    public void Does_not_fire_when_nothing_enables_hello_on_entra_joined_devices_or_the_join_type_is_not_configured(JoinType? joinType)
    {
        using var temp = new TempDirectory();
        var cloud = CustomOma("WHfB cloud trust", CloudTrustRow("true"), GroupAssignment(Pilot));

        var (result, _) = FactsLint.Marked(temp, new TenantFacts { JoinType = joinType }, ("cloud.json", cloud));

        Assert.Empty(result.Findings(RuleIds.CloudTrustWithoutHello));
    }

    [Fact]
    public void Does_not_fire_on_hybrid_joined_devices_when_a_gpo_enables_hello()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Hybrid", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled") + Policy("Use cloud trust for on-premises authentication", "Enabled"),
            links: Link("contoso.com/Workstations")));

        var (result, _) = FactsLint.Marked(temp, new TenantFacts { JoinType = JoinType.Hybrid }, ("gpo.xml", gpo));

        Assert.Empty(result.Findings(RuleIds.CloudTrustWithoutHello));
    }
}

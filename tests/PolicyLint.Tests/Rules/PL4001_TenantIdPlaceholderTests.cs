using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4001_TenantIdPlaceholderTests
{
    [Theory]
    [InlineData("{TenantId}")]
    [InlineData("<tenant ID>")]
    [InlineData("TenantId")]
    [InlineData("{TenantID}")]
    public void Fires_at_the_oma_uri_that_holds_a_placeholder(string placeholder)
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Cloud trust", OmaBoolean($"[|\"./Device/Vendor/MSFT/PassportForWork/{placeholder}/Policies/UseCloudTrustForOnPremAuth\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.TenantIdPlaceholder, "oma.json", files["oma.json"]);
        var message = Assert.Single(result.Findings(RuleIds.TenantIdPlaceholder)).Message;
        Assert.Contains($"'{placeholder}'", message, StringComparison.Ordinal);
        Assert.Contains("UseCloudTrustForOnPremAuth never applies", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_a_real_tenant_guid_or_a_tenant_independent_node()
    {
        using var temp = new TempDirectory();
        var rows = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "true") + ",\n"
            + OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/Biometrics/UseBiometrics\"", "true");

        var (result, _) = Lint.Marked(temp, ("oma.json", CustomOma("Cloud trust", rows)));

        Assert.Empty(result.Findings(RuleIds.TenantIdPlaceholder));
    }

    [Fact]
    public void A_placeholder_setting_does_not_count_as_applied()
    {
        using var temp = new TempDirectory();
        var certificate = SettingsCatalog("Cert", Choice("usecertificateforonpremauth", "true"));
        var cloud = CustomOma("Cloud trust", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "true"));

        var (result, _) = Lint.Marked(temp, ("cert.json", certificate), ("oma.json", cloud));

        Assert.Single(result.Findings(RuleIds.TenantIdPlaceholder));
        Assert.Empty(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
    }

    [Fact]
    public void Reports_a_braced_tenant_guid_one_level_below_the_rule_and_citing_both_pages()
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Cloud trust", OmaBoolean($"[|\"./Device/Vendor/MSFT/PassportForWork/{{{TenantId}}}/Policies/UseCloudTrustForOnPremAuth\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.TenantIdPlaceholder, "oma.json", files["oma.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.TenantIdPlaceholder));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("without curly braces", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", "warning")]
    [InlineData("warning", "note")]
    [InlineData("note", "note")]
    public void The_braces_downgrade_stays_one_level_below_a_configured_level(string configured, string expected)
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", CustomOma("Cloud trust", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{{{TenantId}}}/Policies/UseCloudTrustForOnPremAuth\"", "true")));
        temp.Write(".policylint.yml", $"rules:\n  PL4001: {configured}\n");

        var run = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Contains($"{expected} PL4001", run.Console.StdOut, StringComparison.Ordinal);
    }

    private const string OtherTenant = "4f1c2d3e-8a9b-4c0d-9e1f-2a3b4c5d6e7f";

    [Theory]
    [InlineData(OtherTenant)]
    [InlineData("4F1C2D3E-8A9B-4C0D-9E1F-2A3B4C5D6E7F")]
    [InlineData("{" + OtherTenant + "}")]
    public void Fires_as_an_error_for_another_tenants_guid_when_tenant_id_is_configured(string written)
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Cloud trust", OmaBoolean($"[|\"./Device/Vendor/MSFT/PassportForWork/{written}/Policies/UseCloudTrustForOnPremAuth\"|]", "true"));

        var (result, files) = Lint.MarkedWithConfig(temp, $"tenantId: {TenantId}\n", ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.TenantIdPlaceholder, "oma.json", files["oma.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.TenantIdPlaceholder));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains($"gives this tenant's ID (tenantId) as {TenantId}", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"addresses another tenant ({OtherTenant})", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"e.g. ./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_tenants_guid_is_not_reported_without_tenant_id_or_for_the_configured_one()
    {
        using var temp = new TempDirectory();
        var rows = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{OtherTenant}/Policies/UseCloudTrustForOnPremAuth\"", "true");

        var (without, _) = Lint.Marked(temp, ("oma.json", CustomOma("Cloud trust", rows)));
        var (matching, _) = Lint.MarkedWithConfig(temp, $"tenantId: {OtherTenant.ToUpperInvariant()}\n", ("oma.json", CustomOma("Cloud trust", rows)));

        Assert.Empty(without.Findings(RuleIds.TenantIdPlaceholder));
        Assert.Empty(matching.Findings(RuleIds.TenantIdPlaceholder));
    }

    [Fact]
    public void Each_tenant_folder_is_checked_against_its_own_tenant_id()
    {
        using var temp = new TempDirectory();
        var contoso = CustomOma("Contoso", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true"));
        var fabrikam = CustomOma("Fabrikam", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{OtherTenant}/Policies/UsePassportForWork\"", "true"));

        var (apart, _) = Lint.MarkedWithConfig(
            temp,
            $"tenantId: {TenantId}\ntenants:\n  - contoso\n  - path: fabrikam\n    tenantId: {OtherTenant}\n",
            ("contoso/oma.json", contoso),
            ("fabrikam/oma.json", fabrikam));
        var (together, _) = Lint.MarkedWithConfig(temp, $"tenantId: {TenantId}\ntenants:\n  - contoso\n  - fabrikam\n", ("contoso/oma.json", contoso), ("fabrikam/oma.json", fabrikam));

        Assert.Empty(apart.Findings(RuleIds.TenantIdPlaceholder));
        Assert.Equal("fabrikam/oma.json", Assert.Single(together.Findings(RuleIds.TenantIdPlaceholder)).FilePath);
    }

    [Fact]
    public void A_placeholder_fix_names_the_configured_tenant_id()
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Cloud trust", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "true"));

        var (result, _) = Lint.MarkedWithConfig(temp, $"tenantId: {TenantId}\n", ("oma.json", export));

        Assert.Contains($"PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth", Assert.Single(result.Findings(RuleIds.TenantIdPlaceholder)).Message, StringComparison.Ordinal);
    }
}

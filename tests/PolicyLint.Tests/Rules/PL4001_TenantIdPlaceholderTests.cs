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
}

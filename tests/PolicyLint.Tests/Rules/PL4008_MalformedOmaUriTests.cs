using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4008_MalformedOmaUriTests
{
    [Theory]
    [InlineData("./Vendor/MSFT/Policy/PassportForWork/{0}/Policies/EnablePinRecovery", "PassportForWork is its own CSP", "./Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Device/Vendor/MSFT/Policy/Config/PassportForWork/{0}/Policies/EnablePinRecovery", "'Vendor/MSFT/Policy/Config'", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Device/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery", "the vendor path is 'MSFT'", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Devices/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery", "'./Devices' is not a scope root", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Usr/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery", "'./Usr' is not a scope root", "./User/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery/", "a trailing slash", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData(" ./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery", "white space before the URI", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery ", "white space after the URI", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/{0}/Policies/ EnablePinRecovery", "white space inside the URI", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Device/Vendor/MSFT//PassportForWork/{0}/Policies/EnablePinRecovery", "an empty node name", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("/Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery", "starts with '/'", "./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    public void Fires_once_at_the_oma_uri_and_nothing_else_reports_the_row(string uriFormat, string problem, string correctedFormat)
    {
        using var temp = new TempDirectory();
        var uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, uriFormat, TenantId);
        var export = CustomOma("PIN recovery", OmaBoolean($"[|\"{uri}\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.MalformedOmaUri, "oma.json", files["oma.json"]);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleIds.MalformedOmaUri, finding.RuleId);
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains(problem, finding.Message, StringComparison.Ordinal);
        Assert.Contains($"write it as '{string.Format(System.Globalization.CultureInfo.InvariantCulture, correctedFormat, TenantId)}'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("EnablePinRecovery is not set", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_uri_with_a_placeholder_gets_one_finding_that_names_both_mistakes()
    {
        using var temp = new TempDirectory();
        var export = CustomOma("PIN recovery", OmaBoolean("[|\"./Vendor/MSFT/Policy/PassportForWork/TenantId/Policies/EnablePinRecovery\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.MalformedOmaUri, "oma.json", files["oma.json"]);
        var finding = Assert.Single(result.Findings);
        Assert.Contains("in place of 'TenantId'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tenant_node_is_this_rule_and_not_a_placeholder_or_an_unknown_node()
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Cloud trust", OmaBoolean("[|\"./Device/Vendor/MSFT/PassportForWork/Policies/UseCloudTrustForOnPremAuth\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.MalformedOmaUri, "oma.json", files["oma.json"]);
        var finding = Assert.Single(result.Findings);
        Assert.Contains("no tenant node between PassportForWork and Policies", finding.Message, StringComparison.Ordinal);
        Assert.Contains("./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_does_not_count_as_a_setting_of_the_node()
    {
        using var temp = new TempDirectory();
        var certificate = SettingsCatalog("Cert", Choice("usecertificateforonpremauth", "true"));
        var cloud = CustomOma("Cloud trust", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth/\"", "true"));

        var (result, _) = Lint.Marked(temp, ("cert.json", certificate), ("oma.json", cloud));

        Assert.Single(result.Findings(RuleIds.MalformedOmaUri));
        Assert.Empty(result.Findings(RuleIds.CertificateTrustOverridesCloudTrust));
    }

    [Theory]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./device/vendor/msft/passportforwork/{0}/policies/enablepinrecovery")]
    [InlineData("./User/Vendor/MSFT/PassportForWork/{0}/Policies/EnablePinRecovery")]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/Biometrics/UseBiometrics")]
    [InlineData("./Device/Vendor/MSFT/Policy/Config/Kerberos/CloudKerberosTicketRetrievalEnabled")]
    [InlineData("./Device/Vendor/MSFT/Policy/Config/Update/PauseFeatureUpdates ")]
    public void Does_not_fire_for_well_formed_or_unrelated_uris(string uriFormat)
    {
        using var temp = new TempDirectory();
        var uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, uriFormat, TenantId);
        var export = CustomOma("PIN recovery", OmaBoolean($"\"{uri}\"", "true"));

        var (result, _) = Lint.Marked(temp, ("oma.json", export));

        Assert.Empty(result.Findings(RuleIds.MalformedOmaUri));
        Assert.Null(OmaUri.FindMalformation(uri));
    }

    [Fact]
    public void The_configured_tenant_id_fills_a_missing_tenant_node_in_the_corrected_uri()
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", CustomOma("Cloud trust", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/Policies/UseCloudTrustForOnPremAuth\"", "true")));
        var policy = Lint.Paths(temp.Path, temp.Path).Policy;

        var diagnostics = new PolicyLint.Analysis.AnalysisDriver([new PolicyLint.Rules.PL4008_MalformedOmaUri()])
            .Run(policy, new TenantFacts { TenantId = TenantId });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains($"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth", diagnostic.Message(), StringComparison.Ordinal);
    }
}

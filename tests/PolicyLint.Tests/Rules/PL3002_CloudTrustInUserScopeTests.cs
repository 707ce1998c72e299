using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL3002_CloudTrustInUserScopeTests
{
    [Fact]
    public void Fires_for_a_user_scope_oma_uri()
    {
        using var temp = new TempDirectory();
        var oma = CustomOma("WHfB cloud trust (user)", OmaBoolean($"[|\"./User/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", oma));

        result.AssertFindingsAtMarks(RuleIds.CloudTrustInUserScope, "oma.json", files["oma.json"]);
        Assert.Contains("./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth", Assert.Single(result.Findings(RuleIds.CloudTrustInUserScope)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_for_user_configuration_of_a_gpo_but_not_for_computer_configuration()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Cloud trust", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use cloud trust for on-premises authentication", "Enabled"),
            userPolicies: RegistrySetting(@"SOFTWARE\Policies\Microsoft\PassportForWork", "[|UseCloudTrustForOnPremAuth|]", "1"),
            links: Link("contoso.com")));

        var (result, files) = Lint.Marked(temp, ("gpo.xml", gpo));

        result.AssertFindingsAtMarks(RuleIds.CloudTrustInUserScope, "gpo.xml", files["gpo.xml"]);
        Assert.Contains("User Configuration of GPO 'WHfB - Cloud trust'", Assert.Single(result.Findings(RuleIds.CloudTrustInUserScope)).Message, StringComparison.Ordinal);
    }
}

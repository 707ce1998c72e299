using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2002_GroupPolicyOverridesIntuneTests
{
    [Fact]
    public void Fires_once_per_intune_profile_listing_each_shadowed_setting()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Hybrid Workstations", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled") + Policy("Use PIN Recovery", "Disabled"),
            links: Link("contoso.com/Workstations")));
        var intune = CustomOma("WHfB - Intune",
            OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "[|true|]") + ",\n"
            + OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", "true"),
            GroupAssignment("aaaa0000-0000-0000-0000-000000000001"));

        var (result, files) = Lint.Marked(temp, ("gpo.xml", gpo), ("intune.json", intune));

        result.AssertFindingsAtMarks(RuleIds.GroupPolicyOverridesIntune, "intune.json", files["intune.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.GroupPolicyOverridesIntune));
        Assert.Contains("Group Policy Object 'WHfB - Hybrid Workstations'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("UsePassportForWork (device scope) = true at intune.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("EnablePinRecovery (device scope) = true at intune.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("overlap is assumed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_the_gpo_is_not_linked()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Old", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use Windows Hello for Business", "Enabled")));
        var intune = CustomOma("WHfB - Intune", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true"));

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo), ("intune.json", intune));

        Assert.Empty(result.Findings(RuleIds.GroupPolicyOverridesIntune));
    }
}

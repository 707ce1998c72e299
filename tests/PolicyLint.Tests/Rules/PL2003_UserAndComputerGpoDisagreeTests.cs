using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2003_UserAndComputerGpoDisagreeTests
{
    [Fact]
    public void Fires_at_the_computer_value_when_user_configuration_sets_it_differently()
    {
        using var temp = new TempDirectory();
        var kiosk = Report(
            GpoXml("WHfB - Kiosks off", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use Windows Hello for Business", "[|Disabled|]"), links: Link("contoso.com/Kiosks")),
            GpoXml("WHfB - Users on", "{31B2F340-016D-11D2-945F-00C04FB984F9}", userPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com/Staff")));

        var (result, files) = Lint.Marked(temp, ("gpos.xml", kiosk));

        result.AssertFindingsAtMarks(RuleIds.UserAndComputerGpoDisagree, "gpos.xml", files["gpos.xml"]);
        var finding = Assert.Single(result.Findings(RuleIds.UserAndComputerGpoDisagree));
        Assert.Contains("Use Windows Hello for Business is false in Computer Configuration of 'WHfB - Kiosks off' but true in User Configuration of 'WHfB - Users on'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("assumed to meet", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_both_sections_agree()
    {
        using var temp = new TempDirectory();
        var same = Report(GpoXml("WHfB", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled"), userPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com")));

        var (result, _) = Lint.Marked(temp, ("gpo.xml", same));

        Assert.Empty(result.Findings(RuleIds.UserAndComputerGpoDisagree));
    }
}

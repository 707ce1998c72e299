using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2006_ConflictingGpoValuesTests
{
    [Fact]
    public void Fires_at_the_losing_value_and_names_the_deeper_ou_as_the_winner()
    {
        using var temp = new TempDirectory();
        var gpos = Report(
            GpoXml("WHfB - Domain Baseline", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "[|6|]")), links: Link("contoso.com")),
            GpoXml("WHfB - Tier 0", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "8")), links: Link("contoso.com/Workstations/Tier0")));

        var (result, files) = Lint.Marked(temp, ("gpos.xml", gpos));

        result.AssertFindingsAtMarks(RuleIds.ConflictingGpoValues, "gpos.xml", files["gpos.xml"]);
        var finding = Assert.Single(result.Findings(RuleIds.ConflictingGpoValues));
        Assert.Contains("'WHfB - Tier 0' wins because it is linked to contoso.com/Workstations/Tier0, below contoso.com", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enforced_link_wins_over_a_deeper_one()
    {
        using var temp = new TempDirectory();
        var gpos = Report(
            GpoXml("WHfB - Enforced", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use certificate for on-premises authentication", "Disabled"), links: Link("contoso.com", enforced: true)),
            GpoXml("WHfB - Cert OU", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use certificate for on-premises authentication", "[|Enabled|]"), links: Link("contoso.com/Legacy")));

        var (result, files) = Lint.Marked(temp, ("gpos.xml", gpos));

        result.AssertFindingsAtMarks(RuleIds.ConflictingGpoValues, "gpos.xml", files["gpos.xml"]);
        Assert.Contains("is enforced", Assert.Single(result.Findings(RuleIds.ConflictingGpoValues)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Computer_gpos_that_disagree_are_reported_even_when_a_user_gpo_wins_over_both()
    {
        using var temp = new TempDirectory();
        var gpos = Report(
            GpoXml("WHfB - Domain Off", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use Windows Hello for Business", "[|Disabled|]"), links: Link("contoso.com")),
            GpoXml("WHfB - Workstations On", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com/Workstations")),
            GpoXml("WHfB - Users On", "{5B4F2C1A-8D3E-4F6A-9B7C-0E1D2F3A4B5C}", userPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com/Users")));

        var (result, files) = Lint.Marked(temp, ("gpos.xml", gpos));

        result.AssertFindingsAtMarks(RuleIds.ConflictingGpoValues, "gpos.xml", files["gpos.xml"]);
        Assert.Contains("'WHfB - Workstations On' wins", Assert.Single(result.Findings(RuleIds.ConflictingGpoValues)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpos_in_sibling_ous_do_not_conflict()
    {
        using var temp = new TempDirectory();
        var gpos = Report(
            GpoXml("A", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use PIN Recovery", "Enabled"), links: Link("contoso.com/Sales")),
            GpoXml("B", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use PIN Recovery", "Disabled"), links: Link("contoso.com/Finance")));

        var (result, _) = Lint.Marked(temp, ("gpos.xml", gpos));

        Assert.Empty(result.Findings(RuleIds.ConflictingGpoValues));
    }

    [Fact]
    public void Registry_pol_files_with_unknown_links_are_assumed_to_overlap_and_say_so()
    {
        using var temp = new TempDirectory();
        const string Key = @"SOFTWARE\Policies\Microsoft\PassportForWork";
        temp.WriteBytes("{6AC1786C-016F-11D2-945F-00C04FB984F9}/Machine/Registry.pol", new PRegWriter().Dword(Key, "RequireSecurityDevice", 1).ToArray());
        temp.WriteBytes("{31B2F340-016D-11D2-945F-00C04FB984F9}/Machine/Registry.pol", new PRegWriter().Dword(Key, "RequireSecurityDevice", 0).ToArray());

        var result = Lint.Paths(temp.Path, ".");

        var finding = Assert.Single(result.Findings(RuleIds.ConflictingGpoValues));
        Assert.Contains("SOM hierarchy is not in the export", finding.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be told from the export", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Location.ByteOffset);
    }

    [Fact]
    public void Names_the_winner_per_ou_when_a_gpo_linked_at_several_ous_wins_at_some_and_loses_at_others()
    {
        using var temp = new TempDirectory();
        static string MinimumPin(string value) => GpoReports.Policy("Minimum PIN length", "Enabled", GpoReports.PinCategory, GpoReports.Numeric("Minimum PIN length", value));
        var report = GpoReports.Report(
            GpoReports.GpoXml("PIN - Baseline", "{11111111-016F-11D2-945F-00C04FB984F9}", computerPolicies: MinimumPin("6"),
                links: GpoReports.Link("contoso.com") + GpoReports.Link("contoso.com/Workstations/Tier0")),
            GpoReports.GpoXml("PIN - Workstations", "{22222222-016F-11D2-945F-00C04FB984F9}", computerPolicies: MinimumPin("8"),
                links: GpoReports.Link("contoso.com/Workstations")));
        temp.Write("gpos.xml", report);

        var finding = Assert.Single(Lint.Paths(temp.Path, ".").Findings(RuleIds.ConflictingGpoValues));

        // Below Workstations the Workstations GPO is the deeper link; in Tier0 the baseline's own link is deeper still.
        Assert.Contains("which GPO wins depends on the OU", finding.Message, StringComparison.Ordinal);
        Assert.Contains("at contoso.com/Workstations 'PIN - Workstations' wins (8)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("at contoso.com/Workstations/Tier0 'PIN - Baseline' wins (6)", finding.Message, StringComparison.Ordinal);
    }
}

using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.GroupPolicy;

public sealed class GpoPrecedenceTests
{
    private static int Rank(string som, bool enforced = false, int? order = 1) =>
        PrecedenceRules.LinkRank(new GroupPolicyLink(som, null, Enabled: true, Enforced: enforced, LinkOrder: order));

    [Fact]
    public void Lower_link_order_wins_at_the_same_som()
    {
        Assert.True(Rank("contoso.com/Workstations", order: 1) > Rank("contoso.com/Workstations", order: 2));
    }

    [Fact]
    public void Deeper_som_wins_unless_the_shallower_link_is_enforced()
    {
        Assert.True(Rank("contoso.com/Workstations/Tier0", order: 5) > Rank("contoso.com", order: 1));
        Assert.True(Rank("contoso.com", enforced: true, order: 9) > Rank("contoso.com/Workstations/Tier0", order: 1));
    }

    [Fact]
    public void Among_enforced_links_the_shallower_som_wins()
    {
        Assert.True(Rank("contoso.com", enforced: true) > Rank("contoso.com/Workstations", enforced: true));
    }

    [Fact]
    public void User_configuration_wins_over_computer_configuration_for_use_windows_hello_for_business()
    {
        using var temp = new TempDirectory();
        temp.Write("gpo.xml", GpoReports.Report(GpoReports.GpoXml("WHfB", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: GpoReports.Policy("Use Windows Hello for Business", "Enabled"),
            userPolicies: GpoReports.Policy("Use Windows Hello for Business", "Disabled"),
            links: GpoReports.Link("contoso.com"))));

        var node = Lint.Paths(temp.Path, ".").Policy.Find(global::PolicyLint.Catalog.PassportForWorkCatalog.UsePassportForWork.Id)!;

        Assert.Equal(PolicyScope.User, node.Winner!.Scope);
        Assert.False(node.Winner.Value.BooleanValue);
        var shadowed = Assert.Single(node.Shadowed);
        Assert.Equal("User Configuration wins over Computer Configuration", shadowed.Reason);
    }

    [Fact]
    public void Gpo_links_unknown_overlap_everything_and_sibling_ous_do_not()
    {
        var pol = new PolicySourceBuilder(SourceKind.GroupPolicy, "pol", default) { GroupPolicy = new GroupPolicyInfo { LinksKnown = false } }.Build();
        var sales = Linked("contoso.com/Sales");
        var finance = Linked("contoso.com/Finance");
        var domain = Linked("contoso.com");

        Assert.Equal(OverlapKind.Assumed, AssignmentOverlap.Between(pol, sales));
        Assert.Equal(OverlapKind.None, AssignmentOverlap.Between(sales, finance));
        Assert.Equal(OverlapKind.Certain, AssignmentOverlap.Between(domain, finance));
    }

    private static PolicySource Linked(string som) =>
        new PolicySourceBuilder(SourceKind.GroupPolicy, som, default) { GroupPolicy = new GroupPolicyInfo { LinksKnown = true, Links = [new GroupPolicyLink(som, null, true, false, 1)] } }.Build();
}

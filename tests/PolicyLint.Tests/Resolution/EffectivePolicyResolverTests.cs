using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Resolution;

/// <summary>The Intune side of precedence (the GPO side is in GroupPolicy/GpoPrecedenceTests), on real exports.</summary>
public sealed class EffectivePolicyResolverTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";

    private static EffectiveNode Resolve(TempDirectory temp, CspNode node, params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            temp.Write(name, text);
        }

        return Lint.Paths(temp.Path, ".").Policy[node] ?? throw new InvalidOperationException($"{node.Id} not resolved");
    }

    [Fact]
    public void User_scope_wins_over_device_scope_and_shadows_it()
    {
        using var temp = new TempDirectory();
        var node = Resolve(temp, PassportForWorkCatalog.RequireSecurityDevice,
            ("device.json", SettingsCatalog("Device", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d1")),
            ("user.json", SettingsCatalog("User", Choice("requiresecuritydevice", "false", scope: "user"), GroupAssignment(Pilot), id: "u1")));

        Assert.Equal(PolicyScope.User, node.Winner!.Scope);
        var shadowing = Assert.Single(node.Shadowed);
        Assert.Equal("Device", shadowing.Shadowed.Source.DisplayName);
        Assert.Equal("user-scope policy wins over device-scope policy", shadowing.Reason);
        Assert.Empty(node.Conflicts);
    }

    [Fact]
    public void Any_targeted_policy_replaces_the_tenant_wide_enrollment_policy()
    {
        using var temp = new TempDirectory();
        var node = Resolve(temp, PassportForWorkCatalog.UsePassportForWork,
            ("tenant.json", TenantWide("\"enabled\"")),
            ("targeted.json", SettingsCatalog("Targeted", Choice("usepassportforwork", "false"), GroupAssignment(Pilot), id: "t1")));

        Assert.Equal("Targeted", node.Winner!.Source.DisplayName);
        Assert.Equal("any targeted policy replaces the tenant-wide enrollment policy", Assert.Single(node.Shadowed).Reason);
    }

    [Fact]
    public void Equal_precedence_with_different_values_is_a_conflict_only_where_assignments_overlap()
    {
        using var temp = new TempDirectory();
        var node = Resolve(temp, PassportForWorkCatalog.EnablePinRecovery,
            ("a.json", SettingsCatalog("A", Choice("enablepinrecovery", "true"), GroupAssignment(Pilot), id: "a1")),
            ("b.json", SettingsCatalog("B", Choice("enablepinrecovery", "false"), GroupAssignment(Pilot), id: "b1")),
            ("c.json", SettingsCatalog("C", Choice("enablepinrecovery", "false"), GroupAssignment("cccc0000-0000-0000-0000-000000000003"), id: "c1")),
            ("d.json", SettingsCatalog("D", Choice("enablepinrecovery", "false"), "[]", id: "d1")));

        // C is on another group: no conflict. D is not assigned yet: its conflict with A is pending (it takes effect
        // once D is assigned to A's devices), never certain.
        Assert.Equal(
            [("A", "B", OverlapKind.Certain), ("A", "D", OverlapKind.Pending)],
            node.Conflicts.Select(c => (c.First.Source.DisplayName, c.Second.Source.DisplayName, c.Overlap)).ToList());
    }

    [Fact]
    public void An_excluded_group_does_not_overlap()
    {
        using var temp = new TempDirectory();
        const string IncludeAndExclude = """
            [ { "target": { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } },
              { "target": { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": "aaaa0000-0000-0000-0000-000000000001" } } ]
            """;
        var node = Resolve(temp, PassportForWorkCatalog.EnablePinRecovery,
            ("pilot.json", SettingsCatalog("Pilot", Choice("enablepinrecovery", "true"), GroupAssignment(Pilot), id: "p1")),
            ("rest.json", SettingsCatalog("Everyone else", Choice("enablepinrecovery", "false"), IncludeAndExclude, id: "r1")));

        // All devices meets every group, but this policy excludes the pilot group itself: no device gets both.
        Assert.Equal(OverlapKind.None, AssignmentOverlap.Between(node.Settings[0].Source, node.Settings[1].Source));
        Assert.Equal(OverlapKind.None, AssignmentOverlap.Between(node.Settings[1].Source, node.Settings[0].Source));
        Assert.Empty(node.Conflicts);
    }

    [Fact]
    public void Settings_that_never_apply_do_not_take_part()
    {
        using var temp = new TempDirectory();
        var rows = OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", "false");
        var node = Resolve(temp, PassportForWorkCatalog.EnablePinRecovery,
            ("placeholder.json", CustomOma("Placeholder", rows, GroupAssignment(Pilot))),
            ("real.json", SettingsCatalog("Real", Choice("enablepinrecovery", "true"), GroupAssignment(Pilot), id: "r1")));

        Assert.Equal("Real", Assert.Single(node.Settings).Source.DisplayName);
    }
}

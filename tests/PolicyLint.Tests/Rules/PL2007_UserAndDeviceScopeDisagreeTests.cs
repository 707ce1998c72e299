using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2007_UserAndDeviceScopeDisagreeTests
{
    private const string PilotUsers = "aaaa0000-0000-0000-0000-000000000001";
    private const string PilotDevices = "bbbb0000-0000-0000-0000-000000000002";

    private static string UserRow(string leaf, string value) =>
        OmaBoolean($"\"./User/Vendor/MSFT/PassportForWork/{TenantId}/Policies/{leaf}\"", value);

    private static string Excluding(string groupId) => $$"""
        [ { "target": { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } },
          { "target": { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": "{{groupId}}" } } ]
        """;

    [Fact]
    public void Fires_at_the_device_value_and_says_which_value_users_get()
    {
        using var temp = new TempDirectory();
        var device = CustomOma("WHfB device baseline",
            OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", "[|true|]"), AllDevices());
        var user = SettingsCatalog("WHfB admins (user)", Choice("requiresecuritydevice", "false", scope: "user"), GroupAssignment(PilotUsers));

        var (result, files) = Lint.Marked(temp, ("device.json", device), ("user.json", user));

        result.AssertFindingsAtMarks(RuleIds.UserAndDeviceScopeDisagree, "device.json", files["device.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("RequireSecurityDevice is true in device scope in custom OMA-URI profile 'WHfB device baseline' (assigned to All devices)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("but false in user scope in Settings Catalog profile 'WHfB admins (user)' (user.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("certain overlap", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"the users the user-scope policy reaches (assigned to group {PilotUsers}) get RequireSecurityDevice = false, not true", finding.Message, StringComparison.Ordinal);
        Assert.Equal("user.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void All_users_against_all_devices_is_possible_overlap_one_level_below()
    {
        using var temp = new TempDirectory();
        var device = SettingsCatalog("WHfB devices", Choice("usepassportforwork", "false"), AllDevices(), id: "d1");
        var user = CustomOma("WHfB users", UserRow("UsePassportForWork", "true"),
            """[ { "target": { "@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget" } } ]""");

        var (result, files) = Lint.Marked(temp, ("device.json", device), ("user.json", user));

        var finding = Assert.Single(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Equal(PL3003_CloudTrustWithoutHelloTests.LineOf(files["device.json"].Text, "usepassportforwork_false"), finding.Line);
        Assert.Contains("possible overlap: they meet on the devices of the device-scope policy that the user-scope policy's users sign in to", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_groups_do_not_overlap()
    {
        using var temp = new TempDirectory();
        var device = SettingsCatalog("WHfB devices", Choice("usepassportforwork", "false"), GroupAssignment(PilotDevices), id: "d1");
        var user = CustomOma("WHfB users", UserRow("UsePassportForWork", "true"), GroupAssignment(PilotUsers));

        var (result, _) = Lint.Marked(temp, ("device.json", device), ("user.json", user));

        Assert.Empty(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
    }

    [Fact]
    public void Fires_within_one_profile_that_sets_both_scopes()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB Account protection",
            Choice("enablepinrecovery", "true") + ",\n" + Choice("enablepinrecovery", "false", scope: "user"), GroupAssignment(PilotDevices));

        var (result, _) = Lint.Marked(temp, ("whfb.json", profile));

        var finding = Assert.Single(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("EnablePinRecovery is true in device scope", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_both_scopes_give_the_same_value()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB Account protection",
            Choice("requiresecuritydevice", "true") + ",\n" + Choice("requiresecuritydevice", "true", scope: "user"), AllDevices());

        var (result, _) = Lint.Marked(temp, ("whfb.json", profile));

        Assert.Empty(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
    }

    [Fact]
    public void Does_not_fire_when_the_device_policy_excludes_the_user_policys_group()
    {
        using var temp = new TempDirectory();
        var device = SettingsCatalog("WHfB devices", Choice("requiresecuritydevice", "true"), Excluding(PilotUsers), id: "d1");
        var user = CustomOma("WHfB users", UserRow("RequireSecurityDevice", "false"), GroupAssignment(PilotUsers));

        var (result, _) = Lint.Marked(temp, ("device.json", device), ("user.json", user));

        Assert.Empty(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
    }

    [Fact]
    public void Is_a_note_when_the_user_scope_policy_is_not_assigned_yet()
    {
        using var temp = new TempDirectory();
        var device = SettingsCatalog("WHfB devices", Choice("requiresecuritydevice", "true"), AllDevices(), id: "d1");
        var user = CustomOma("WHfB users", UserRow("RequireSecurityDevice", "false"), "[]");

        var (result, _) = Lint.Marked(temp, ("device.json", device), ("user.json", user));

        var finding = Assert.Single(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("takes effect once both are assigned", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_group_policy_overrides_the_user_scope_value()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Workstations", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            userPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com/Workstations")));
        var device = SettingsCatalog("WHfB devices", Choice("usepassportforwork", "true"), AllDevices(), id: "d1");
        var user = CustomOma("WHfB users", UserRow("UsePassportForWork", "false"), AllDevices());

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo), ("device.json", device), ("user.json", user));

        Assert.Empty(result.Findings(RuleIds.UserAndDeviceScopeDisagree));
    }
}

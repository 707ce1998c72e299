using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2001_ConflictingIntuneValuesTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";

    [Fact]
    public void Fires_at_the_second_value_when_two_profiles_disagree_for_the_same_group()
    {
        using var temp = new TempDirectory();
        var first = SettingsCatalog("Baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "p1");
        var second = CustomOma("Override", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", "[|false|]"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("a-baseline.json", first), ("b-override.json", second));

        result.AssertFindingsAtMarks(RuleIds.ConflictingIntuneValues, "b-override.json", files["b-override.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.ConflictingIntuneValues));
        Assert.Contains("RequireSecurityDevice (device scope) is true in Settings Catalog profile 'Baseline'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("but false in custom OMA-URI profile 'Override'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("a-baseline.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Does_not_fire_for_equal_values_other_groups_or_user_over_device_scope()
    {
        using var temp = new TempDirectory();
        var device = SettingsCatalog("Device", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "p1");
        var same = SettingsCatalog("Same value", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "p2");
        var otherGroup = SettingsCatalog("Other group", Choice("requiresecuritydevice", "false"), GroupAssignment("bbbb0000-0000-0000-0000-000000000002"), id: "p3");
        var user = CustomOma("User scope", OmaBoolean($"\"./User/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", "false"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("device.json", device), ("same.json", same), ("other.json", otherGroup), ("user.json", user));

        Assert.Empty(result.Findings(RuleIds.ConflictingIntuneValues));
    }
}

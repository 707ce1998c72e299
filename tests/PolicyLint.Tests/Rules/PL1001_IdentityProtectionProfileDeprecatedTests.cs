using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL1001_IdentityProtectionProfileDeprecatedTests
{
    [Fact]
    public void Fires_at_the_name_of_an_assigned_identity_protection_profile()
    {
        using var temp = new TempDirectory();
        var profile = """
            {
              "@odata.type": "#microsoft.graph.windowsIdentityProtectionConfiguration",
              "id": "33333333-0000-0000-0000-000000000003",
              "displayName": [|"WHfB legacy"|],
              "windowsHelloForBusinessBlocked": false,
              "pinMinimumLength": 6,
              "assignments": [ { "target": { "@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "aaaa0000-0000-0000-0000-000000000001" } } ]
            }
            """;

        var (result, files) = Lint.Marked(temp, ("ip.json", profile));

        result.AssertFindingsAtMarks(RuleIds.IdentityProtectionProfileDeprecated, "ip.json", files["ip.json"]);
        var message = Assert.Single(result.Findings(RuleIds.IdentityProtectionProfileDeprecated)).Message;
        Assert.Contains("Identity Protection profile 'WHfB legacy' (assigned to group aaaa0000-0000-0000-0000-000000000001)", message, StringComparison.Ordinal);
        Assert.Contains("recreate its 2 Windows Hello for Business settings", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_when_the_assignments_are_not_in_the_export()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.Marked(temp, ("ip.json", IdentityProtection("WHfB legacy", "  \"pinMinimumLength\": 6")));

        Assert.Contains("(assignments not in the export)", Assert.Single(result.Findings(RuleIds.IdentityProtectionProfileDeprecated)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_for_an_unassigned_profile_because_a_deprecated_profile_in_a_repository_is_debt_before_it_is_assigned()
    {
        using var temp = new TempDirectory();
        var unassigned = IdentityProtection("WHfB legacy", "  \"pinMinimumLength\": 6", assignments: "[]");

        var (result, _) = Lint.Marked(temp, ("ip.json", unassigned));

        var finding = Assert.Single(result.Findings(RuleIds.IdentityProtectionProfileDeprecated));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("'WHfB legacy' (not assigned)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_a_current_profile()
    {
        using var temp = new TempDirectory();
        var current = SettingsCatalog("WHfB", Choice("usepassportforwork", "true"), AllDevices());

        var (result, _) = Lint.Marked(temp, ("sc.json", current));

        Assert.Empty(result.Findings(RuleIds.IdentityProtectionProfileDeprecated));
    }
}

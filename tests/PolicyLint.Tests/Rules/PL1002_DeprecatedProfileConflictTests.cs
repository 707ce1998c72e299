using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL1002_DeprecatedProfileConflictTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";

    [Fact]
    public void Fires_at_the_identity_protection_profile_when_a_current_profile_reaches_the_same_group()
    {
        using var temp = new TempDirectory();
        var profile = $$"""
            {
              "@odata.type": "#microsoft.graph.windowsIdentityProtectionConfiguration",
              "id": "33333333-0000-0000-0000-000000000003",
              "displayName": [|"WHfB legacy"|],
              "pinMinimumLength": 6,
              "assignments": {{GroupAssignment(Pilot)}}
            }
            """;
        var current = SettingsCatalog("WHfB current", Choice("usepassportforwork", "true"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("ip.json", profile), ("sc.json", current));

        result.AssertFindingsAtMarks(RuleIds.DeprecatedProfileConflict, "ip.json", files["ip.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict));
        Assert.Contains("Identity Protection profile 'WHfB legacy' and Settings Catalog profile 'WHfB current'", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"for the same devices (group {Pilot})", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Event 360", finding.Message, StringComparison.Ordinal);
        Assert.Equal("sc.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Assumes_overlap_when_assignments_are_missing_and_says_so()
    {
        using var temp = new TempDirectory();
        var profile = IdentityProtection("WHfB legacy", "  \"pinRecoveryEnabled\": true");
        var current = SettingsCatalog("WHfB current", Choice("enablepinrecovery", "true"));

        var (result, _) = Lint.Marked(temp, ("ip.json", profile), ("sc.json", current));

        Assert.Contains("overlap is assumed", Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_disjoint_groups_excluded_groups_or_a_profile_that_sets_nothing()
    {
        using var temp = new TempDirectory();
        const string Kiosk = "bbbb0000-0000-0000-0000-000000000002";
        var excludesKiosks = $$"""
            [ { "target": { "@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "{{Pilot}}" } },
              { "target": { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": "{{Kiosk}}" } } ]
            """;
        var profile = IdentityProtection("WHfB legacy", "  \"pinMinimumLength\": 6", excludesKiosks);
        var kiosks = SettingsCatalog("Kiosk WHfB off", Choice("usepassportforwork", "false"), GroupAssignment(Kiosk), id: "k1");
        var notConfigured = IdentityProtection("Empty legacy", "  \"pinSpecialCharactersUsage\": \"notConfigured\"", GroupAssignment(Kiosk), id: "e1");

        var (result, _) = Lint.Marked(temp, ("ip.json", profile), ("kiosk.json", kiosks), ("empty.json", notConfigured));

        Assert.Empty(result.Findings(RuleIds.DeprecatedProfileConflict));
    }
}

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
        Assert.Equal(Levels.Error, Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict)).Level);

        result.AssertFindingsAtMarks(RuleIds.DeprecatedProfileConflict, "ip.json", files["ip.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict));
        Assert.Contains("Identity Protection profile 'WHfB legacy' and Settings Catalog profile 'WHfB current'", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"for the same devices (group {Pilot})", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Event 360", finding.Message, StringComparison.Ordinal);
        Assert.Contains("provisioning may not start", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0x801C03F2", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("sc.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Assumes_overlap_when_assignments_are_missing_and_says_so()
    {
        using var temp = new TempDirectory();
        var profile = IdentityProtection("WHfB legacy", "  \"pinRecoveryEnabled\": true");
        var current = SettingsCatalog("WHfB current", Choice("enablepinrecovery", "true"));

        var (result, _) = Lint.Marked(temp, ("ip.json", profile), ("sc.json", current));

        var finding = Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict));
        Assert.Contains("possible overlap", finding.Message, StringComparison.Ordinal);
        Assert.Contains("both set EnablePinRecovery", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Levels.Warning, finding.Level);
    }

    [Fact]
    public void Fires_for_an_identity_protection_profile_next_to_a_preview_intent_and_lists_the_nodes_both_set()
    {
        using var temp = new TempDirectory();
        var profile = IdentityProtection("WHfB legacy", "  \"pinMinimumLength\": 6", GroupAssignment(Pilot));
        var preview = PreviewIntent("WHfB preview", IntentSetting("pinMinimumLength", "\"8\""), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("ip.json", profile), ("preview.json", preview));

        var finding = Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("MinimumPINLength", finding.Message, StringComparison.Ordinal);
        Assert.Contains("6 in 'WHfB legacy', 8 in 'WHfB preview'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("one current Account protection or Settings Catalog profile", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_note_when_either_profile_is_unassigned()
    {
        using var temp = new TempDirectory();
        var profile = IdentityProtection("WHfB legacy", "  \"pinRecoveryEnabled\": true", assignments: "[]");
        var current = SettingsCatalog("WHfB current", Choice("enablepinrecovery", "true"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("ip.json", profile), ("sc.json", current));

        var finding = Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("takes effect once both are assigned to the same devices", finding.Message, StringComparison.Ordinal);
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

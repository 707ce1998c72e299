using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Rules.PinRuleSupport;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4006_PinLengthBoundsInvertedTests
{
    [Fact]
    public void Fires_at_the_minimum_within_one_profile_even_when_it_is_not_assigned()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("Kiosk PIN", Children(Integer("pincomplexity_minimumpinlength", "[|10|]"), Integer("pincomplexity_maximumpinlength", "8")), Unassigned);

        var (result, files) = Lint.Marked(temp, ("kiosk.json", profile));

        result.AssertFindingsAtMarks(RuleIds.PinLengthBoundsInverted, "kiosk.json", files["kiosk.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.PinLengthBoundsInverted));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("MinimumPINLength (device scope) is 10 in Settings Catalog profile 'Kiosk PIN', above MaximumPINLength 8 in the same profile", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Windows uses the defaults for both (minimum 4, maximum 127)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("it is not assigned yet", finding.Message, StringComparison.Ordinal);
        Assert.Equal("kiosk.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Fires_across_two_profiles_for_the_same_group_with_the_maximum_as_related_location()
    {
        using var temp = new TempDirectory();
        var minimum = SettingsCatalog("PIN length", Integer("pincomplexity_minimumpinlength", "[|10|]"), GroupAssignment(Pilot), id: "p1");
        var maximum = CustomOma("PIN maximum", OmaInteger("PINComplexity/MaximumPINLength", "8"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("a-min.json", minimum), ("b-max.json", maximum));

        result.AssertFindingsAtMarks(RuleIds.PinLengthBoundsInverted, "a-min.json", files["a-min.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.PinLengthBoundsInverted));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("above MaximumPINLength 8 in custom OMA-URI profile 'PIN maximum' (", finding.Message, StringComparison.Ordinal);
        Assert.Contains("certain overlap", finding.Message, StringComparison.Ordinal);
        Assert.Equal("b-max.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Possible_overlap_is_one_level_below_and_an_unassigned_side_a_note()
    {
        using var temp = new TempDirectory();
        var minimum = SettingsCatalog("PIN length", Integer("pincomplexity_minimumpinlength", "10"), GroupAssignment(Pilot), id: "p1");
        var noAssignments = CustomOma("PIN maximum (no assignments exported)", OmaInteger("PINComplexity/MaximumPINLength", "8"));

        var (possible, _) = Lint.Marked(temp, ("a-min.json", minimum), ("b-max.json", noAssignments));
        var finding = Assert.Single(possible.Findings(RuleIds.PinLengthBoundsInverted));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("possible overlap", finding.Message, StringComparison.Ordinal);

        using var temp2 = new TempDirectory();
        var unassigned = CustomOma("PIN maximum (staging)", OmaInteger("PINComplexity/MaximumPINLength", "8"), Unassigned);
        var (pending, _) = Lint.Marked(temp2, ("a-min.json", minimum), ("b-max.json", unassigned));
        finding = Assert.Single(pending.Findings(RuleIds.PinLengthBoundsInverted));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("once both are assigned", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_equal_or_ordered_bounds_other_groups_or_bounds_never_enforced_together()
    {
        using var temp = new TempDirectory();
        var equal = SettingsCatalog("Equal", Children(Integer("pincomplexity_minimumpinlength", "8"), Integer("pincomplexity_maximumpinlength", "8")), GroupAssignment(Pilot), id: "p1");
        var ordered = SettingsCatalog("Ordered", Children(Integer("pincomplexity_minimumpinlength", "6"), Integer("pincomplexity_maximumpinlength", "12")), GroupAssignment(Pilot), id: "p2");
        var otherGroup = SettingsCatalog("Other group", Integer("pincomplexity_minimumpinlength", "10", "device"), GroupAssignment(Other), id: "p3");
        var otherGroupMax = CustomOma("Pilot maximum", OmaInteger("PINComplexity/MaximumPINLength", "9"), GroupAssignment(Pilot));

        // User scope is its own policy source for PIN complexity (User MDM over Device MDM, reference H13): a device-scope
        // minimum never meets a user-scope maximum.
        var userMax = CustomOma("User maximum", OmaInteger("PINComplexity/MaximumPINLength", "5", "User"), GroupAssignment(Other));

        var (result, _) = Lint.Marked(temp, ("equal.json", equal), ("ordered.json", ordered), ("other.json", otherGroup), ("pilot-max.json", otherGroupMax), ("user.json", userMax));

        Assert.Empty(result.Findings(RuleIds.PinLengthBoundsInverted));
    }

    [Fact]
    public void A_group_policy_minimum_never_meets_an_intune_maximum()
    {
        // PIN complexity comes from one policy source (reference H13): a GPO minimum and an Intune maximum are never
        // enforced together, so the pair is not inverted on any device.
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - PIN", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "10")), links: Link("contoso.com")));
        var intune = SettingsCatalog("PIN maximum", Integer("pincomplexity_maximumpinlength", "8"), AllDevices(), id: "p1");

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo), ("intune.json", intune));

        Assert.Empty(result.Findings(RuleIds.PinLengthBoundsInverted));
    }

    [Fact]
    public void Two_gpos_on_nested_ous_are_combined()
    {
        using var temp = new TempDirectory();
        var gpo = Report(
            GpoXml("WHfB - PIN minimum", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
                computerPolicies: Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "[|10|]")), links: Link("contoso.com")),
            GpoXml("WHfB - PIN maximum", "{31B2F340-016D-11D2-945F-00C04FB984F9}",
                computerPolicies: Policy("Maximum PIN length", "Enabled", PinCategory, Numeric("Maximum PIN length", "8")), links: Link("contoso.com/Workstations")));

        var (result, files) = Lint.Marked(temp, ("gpos.xml", gpo));

        result.AssertFindingsAtMarks(RuleIds.PinLengthBoundsInverted, "gpos.xml", files["gpos.xml"]);
        Assert.Equal(Levels.Error, Assert.Single(result.Findings(RuleIds.PinLengthBoundsInverted)).Level);
    }
}

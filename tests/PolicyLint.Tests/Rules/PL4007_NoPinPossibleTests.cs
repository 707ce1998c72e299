using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Rules.PinRuleSupport;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4007_NoPinPossibleTests
{
    private static string AllBlocked(string digits = "2") => Children(
        Choice("pincomplexity_digits", digits),
        Choice("pincomplexity_lowercaseletters", "2"),
        Choice("pincomplexity_uppercaseletters", "2"),
        Choice("pincomplexity_specialcharacters", "2"));

    [Fact]
    public void Fires_at_digits_when_one_profile_blocks_every_character_class_even_unassigned()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("Shared PCs", AllBlocked(), Unassigned);

        var (result, _) = Lint.Marked(temp, ("shared.json", profile));

        var finding = Assert.Single(result.Findings(RuleIds.NoPinPossible));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("Digits (device scope) is 2 (not allowed) in Settings Catalog profile 'Shared PCs', LowercaseLetters 2 in the same profile, UppercaseLetters 2 in the same profile, SpecialCharacters 2 in the same profile", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set Digits to 1 (required) or 0 (allowed)", finding.Message, StringComparison.Ordinal);
        var valueLine = File.ReadAllLines(Path.Combine(temp.Path, "shared.json")).ToList().FindIndex(l => l.Contains("pincomplexity_digits_2", StringComparison.Ordinal)) + 1;
        Assert.Equal(valueLine, finding.Line);
    }

    [Fact]
    public void Combines_classes_across_profiles_and_representations_of_the_same_tier()
    {
        // Identity Protection writes pin*CharactersUsage words ("blocked" = 2); it is Device MDM like the Settings Catalog.
        using var temp = new TempDirectory();
        var digits = SettingsCatalog("Digits", Choice("pincomplexity_digits", "2"), GroupAssignment(Pilot), id: "p1");
        var letters = IdentityProtection("Legacy PIN rules", """
              "pinLowercaseCharactersUsage": "blocked",
              "pinUppercaseCharactersUsage": "blocked",
              "pinSpecialCharactersUsage": "blocked"
            """, GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("a-digits.json", digits), ("b-legacy.json", letters));

        var finding = Assert.Single(result.Findings(RuleIds.NoPinPossible));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Equal("a-digits.json", finding.FilePath);
        Assert.Contains("LowercaseLetters 2 in Identity Protection profile 'Legacy PIN rules' (b-legacy.json(", finding.Message, StringComparison.Ordinal);
        Assert.Equal(3, finding.RelatedLocations.Length);
    }

    [Fact]
    public void Classes_left_unset_count_as_not_allowed_one_level_below()
    {
        using var temp = new TempDirectory();
        var digits = SettingsCatalog("Digits blocked", Children(Choice("pincomplexity_digits", "2"), Choice("pincomplexity_specialcharacters", "2")), GroupAssignment(Pilot), id: "p1");

        var (result, _) = Lint.Marked(temp, ("digits.json", digits));

        var finding = Assert.Single(result.Findings(RuleIds.NoPinPossible));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("LowercaseLetters not set (default: not allowed by the CSP page's text and the MDM defaults table; the CSP's DDF says allowed)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_policy_disabled_require_digits_is_2()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - PIN classes", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: string.Join("\n",
                Policy("Require digits", "Disabled", PinCategory),
                Policy("Require lowercase letters", "Disabled", PinCategory),
                Policy("Require uppercase letters", "Disabled", PinCategory),
                Policy("Require special characters", "Disabled", PinCategory)),
            links: Link("contoso.com")));

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo));

        Assert.Equal(Levels.Error, Assert.Single(result.Findings(RuleIds.NoPinPossible)).Level);
    }

    [Fact]
    public void Does_not_fire_when_digits_are_allowed_unset_or_another_class_is_allowed_for_the_same_devices()
    {
        using var temp = new TempDirectory();
        var digitsRequired = SettingsCatalog("Digits required", AllBlocked("1"), GroupAssignment(Other), id: "p1");
        var digitsUnset = SettingsCatalog("Digits unset", Children(
            Choice("pincomplexity_lowercaseletters", "2"), Choice("pincomplexity_uppercaseletters", "2"), Choice("pincomplexity_specialcharacters", "2")), GroupAssignment(Other), id: "p2");
        var digitsBlocked = SettingsCatalog("Digits blocked", Children(Choice("pincomplexity_digits", "2"), Choice("pincomplexity_specialcharacters", "2")), GroupAssignment(Pilot), id: "p3");
        var lettersAllowed = CustomOma("Letters allowed", OmaInteger("PINComplexity/LowercaseLetters", "0"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("required.json", digitsRequired), ("unset.json", digitsUnset), ("blocked.json", digitsBlocked), ("letters.json", lettersAllowed));

        Assert.Empty(result.Findings(RuleIds.NoPinPossible));
    }
}

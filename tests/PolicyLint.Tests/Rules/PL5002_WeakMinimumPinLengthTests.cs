using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Rules.PinRuleSupport;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL5002_WeakMinimumPinLengthTests
{
    private static string MarkedEnable() => Choice("usepassportforwork", "true")
        .Replace("\"device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork_true\"", "[|\"device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork_true\"|]", StringComparison.Ordinal);

    [Fact]
    public void Fires_at_the_setting_that_turns_whfb_on_when_the_minimum_is_unset_and_says_the_default()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB", Children(MarkedEnable(), Choice("requiresecuritydevice", "true")), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("whfb.json", profile));

        result.AssertFindingsAtMarks(RuleIds.WeakMinimumPinLength, "whfb.json", files["whfb.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.WeakMinimumPinLength));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("MinimumPINLength for them is not set, so the CSP default applies: 4 (the PassportForWork CSP page; the policy settings page and the enrollment policy's default say 6), below 6", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_short_minimum_from_another_policy_for_the_same_devices()
    {
        using var temp = new TempDirectory();
        var enable = SettingsCatalog("WHfB", Children(MarkedEnable(), Choice("requiresecuritydevice", "true")), GroupAssignment(Pilot), id: "p1");
        var pin = CustomOma("PIN", OmaInteger("PINComplexity/MinimumPINLength", "4"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("a-enable.json", enable), ("b-pin.json", pin));

        result.AssertFindingsAtMarks(RuleIds.WeakMinimumPinLength, "a-enable.json", files["a-enable.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.WeakMinimumPinLength));
        Assert.Contains("MinimumPINLength for them is 4 in custom OMA-URI profile 'PIN' (b-pin.json(", finding.Message, StringComparison.Ordinal);
        Assert.Equal("b-pin.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Does_not_fire_at_six_or_when_a_long_enough_minimum_reaches_those_devices()
    {
        using var temp = new TempDirectory();
        var six = SettingsCatalog("Six", Children(Choice("usepassportforwork", "true"), Integer("pincomplexity_minimumpinlength", "6")), GroupAssignment(Pilot), id: "p1");
        var enableAll = SettingsCatalog("WHfB all", Choice("usepassportforwork", "true"), AllDevices(), id: "p2");
        var eight = CustomOma("PIN 8", OmaInteger("PINComplexity/MinimumPINLength", "8"), GroupAssignment(Other));

        var (result, _) = Lint.Marked(temp, ("six.json", six), ("all.json", enableAll), ("eight.json", eight));

        Assert.Empty(result.Findings(RuleIds.WeakMinimumPinLength));
    }

    [Fact]
    public void The_threshold_is_the_rule_option_minimumPinLength()
    {
        using var temp = new TempDirectory();
        var six = SettingsCatalog("Six", Children(MarkedEnable(), Integer("pincomplexity_minimumpinlength", "6")), GroupAssignment(Pilot), id: "p1");

        var (result, files) = MarkedWithFacts(temp, TenantFacts.Unknown.WithOption(RuleIds.WeakMinimumPinLength, "minimumPinLength", "8"), ("six.json", six));

        result.AssertFindingsAtMarks(RuleIds.WeakMinimumPinLength, "six.json", files["six.json"]);
        Assert.Contains("below 8 (the rule option minimumPinLength)", Assert.Single(result.Findings(RuleIds.WeakMinimumPinLength)).Message, StringComparison.Ordinal);

        var (lower, _) = MarkedWithFacts(temp, TenantFacts.Unknown.WithOption(RuleIds.WeakMinimumPinLength, "minimumPinLength", "4"), ("six.json", six));
        Assert.Empty(lower.Findings(RuleIds.WeakMinimumPinLength));
    }
}

using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Rules.PinRuleSupport;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL5001_SecurityDeviceNotRequiredTests
{
    private static string Enable(string marker = "true") => Choice("usepassportforwork", marker);

    [Fact]
    public void Fires_at_the_setting_that_turns_whfb_on_when_nothing_sets_require_security_device()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB", Children(Enable(), Integer("pincomplexity_minimumpinlength", "6")), GroupAssignment(Pilot))
            .Replace("\"device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork_true\"", "[|\"device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork_true\"|]", StringComparison.Ordinal);

        var (result, files) = Lint.Marked(temp, ("whfb.json", profile));

        result.AssertFindingsAtMarks(RuleIds.SecurityDeviceNotRequired, "whfb.json", files["whfb.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.SecurityDeviceNotRequired));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("the devices Settings Catalog profile 'WHfB' reaches (assigned to group " + Pilot + ")", finding.Message, StringComparison.Ordinal);
        Assert.Contains("RequireSecurityDevice for them is not set, so the CSP default applies (false)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_a_false_value_from_another_policy_for_the_same_devices()
    {
        using var temp = new TempDirectory();
        var enable = SettingsCatalog("WHfB", Enable(), GroupAssignment(Pilot), id: "p1");
        var tpm = CustomOma("TPM preferred", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", "false"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("a-enable.json", enable), ("b-tpm.json", tpm));

        var finding = Assert.Single(result.Findings(RuleIds.SecurityDeviceNotRequired));
        Assert.Equal("a-enable.json", finding.FilePath);
        Assert.Contains("RequireSecurityDevice for them is false in custom OMA-URI profile 'TPM preferred' (b-tpm.json(", finding.Message, StringComparison.Ordinal);
        Assert.Equal("b-tpm.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Does_not_fire_when_a_true_reaches_those_devices_whfb_is_off_or_nothing_turns_it_on()
    {
        using var temp = new TempDirectory();
        var enable = SettingsCatalog("WHfB", Enable(), AllDevices(), id: "p1");
        var tpm = CustomOma("TPM required", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", "true"), GroupAssignment(Pilot));
        var off = SettingsCatalog("WHfB off", Enable("false"), GroupAssignment(Other), id: "p2");
        var noSwitch = SettingsCatalog("PIN only", Integer("pincomplexity_minimumpinlength", "6"), GroupAssignment(Other), id: "p3");

        var (result, _) = Lint.Marked(temp, ("enable.json", enable), ("tpm.json", tpm), ("off.json", off), ("pin.json", noSwitch));

        Assert.Empty(result.Findings(RuleIds.SecurityDeviceNotRequired));
    }

    [Fact]
    public void Entra_joined_devices_have_whfb_on_by_default_so_the_first_whfb_setting_is_the_location()
    {
        using var temp = new TempDirectory();
        var pin = SettingsCatalog("PIN only", Children(Integer("pincomplexity_minimumpinlength", "[|6|]"), Integer("pincomplexity_maximumpinlength", "12")), GroupAssignment(Pilot), id: "p1");

        var (silent, _) = MarkedWithFacts(temp, TenantFacts.Unknown, ("pin.json", pin));
        Assert.Empty(silent.Findings(RuleIds.SecurityDeviceNotRequired));

        var (hybrid, _) = MarkedWithFacts(temp, new TenantFacts { JoinType = JoinType.Hybrid }, ("pin.json", pin));
        Assert.Empty(hybrid.Findings(RuleIds.SecurityDeviceNotRequired));

        var (result, files) = MarkedWithFacts(temp, new TenantFacts { JoinType = JoinType.Entra }, ("pin.json", pin));
        result.AssertFindingsAtMarks(RuleIds.SecurityDeviceNotRequired, "pin.json", files["pin.json"]);
        Assert.Contains("nothing sets UsePassportForWork for them, and .policylint.yml says joinType: entra", Assert.Single(result.Findings(RuleIds.SecurityDeviceNotRequired)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unassigned_profile_is_a_note_that_takes_effect_once_assigned_even_at_a_configured_level()
    {
        using var temp = new TempDirectory();
        var profile = SettingsCatalog("WHfB (staging)", Enable(), Unassigned);

        var (result, _) = Lint.Marked(temp, ("whfb.json", profile));

        var finding = Assert.Single(result.Findings(RuleIds.SecurityDeviceNotRequired));
        Assert.Contains("no device yet (Settings Catalog profile 'WHfB (staging)' is not assigned; this takes effect once it is assigned)", finding.Message, StringComparison.Ordinal);
        var diagnostic = finding.Diagnostic;
        Assert.Equal("2", diagnostic.Properties[DiagnosticProperties.LevelOffset]);
    }
}

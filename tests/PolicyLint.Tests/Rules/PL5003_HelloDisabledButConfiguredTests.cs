using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL5003_HelloDisabledButConfiguredTests
{
    private const string PilotGroup = "a1b2c3d4-0000-4000-8000-000000000001";
    private const string OtherGroup = "a1b2c3d4-0000-4000-8000-000000000002";

    [Fact]
    public void Fires_at_the_false_and_lists_the_provisioned_only_settings_of_the_same_profile()
    {
        using var temp = new TempDirectory();
        var children = string.Join(",\n", MarkedChoice("usepassportforwork", "false"), Choice("enablepinrecovery", "true"),
            Choice("pincomplexity_digits", "2"), Choice("requiresecuritydevice", "false"));
        var export = SettingsCatalog("WHfB - Kiosks", children, GroupAssignment(PilotGroup));

        var (result, files) = Lint.Marked(temp, ("kiosks.json", export));

        result.AssertFindingsAtMarks(RuleIds.HelloDisabledButConfigured, "kiosks.json", files["kiosks.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.HelloDisabledButConfigured));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("2 settings that act only on a provisioned WHfB credential are set for the same devices (certain overlap)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("EnablePinRecovery (device scope) = true", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Digits (device scope) = 2 in Settings Catalog profile 'WHfB - Kiosks'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(no documented effect without WHfB)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RequireSecurityDevice", finding.Message, StringComparison.Ordinal);
        Assert.Empty(result.Findings(RuleIds.PostLogonProvisioningDisabled));
    }

    [Fact]
    public void Does_not_fire_for_defaults_or_settings_that_work_without_whfb()
    {
        using var temp = new TempDirectory();
        var children = string.Join(",\n", Choice("usepassportforwork", "false"), Choice("enablepinrecovery", "false"), Choice("requiresecuritydevice", "false"),
            Choice("pincomplexity_digits", "1"), Choice("pincomplexity_lowercaseletters", "2"), Choice("pincomplexity_specialcharacters", "0"));
        var intune = SettingsCatalog("WHfB - Kiosks", children, GroupAssignment(PilotGroup));
        var oma = CustomOma("Kiosk sign-in", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/Biometrics/UseBiometrics\"", "true") + ",\n"
            + OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/DynamicLock/DynamicLock\"", "true"), GroupAssignment(PilotGroup));
        var gpo = Report(GpoXml("WHfB off", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Disabled")
                + Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "8"))
                + Policy("Use biometrics", "Enabled"),
            links: Link("contoso.com/Kiosks")));

        var (result, _) = Lint.Marked(temp, ("kiosks.json", intune), ("oma.json", oma), ("gpo.xml", gpo));

        Assert.Empty(result.Findings(RuleIds.HelloDisabledButConfigured));
    }

    [Fact]
    public void Fires_for_a_gpo_that_disables_whfb_and_turns_on_pin_recovery()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB off", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "[|Disabled|]") + Policy("Use PIN Recovery", "Enabled"),
            links: Link("contoso.com/Kiosks")));

        var (result, files) = Lint.Marked(temp, ("gpo.xml", gpo));

        result.AssertFindingsAtMarks(RuleIds.HelloDisabledButConfigured, "gpo.xml", files["gpo.xml"]);
        Assert.Contains("EnablePinRecovery (device scope) = true", Assert.Single(result.Findings(RuleIds.HelloDisabledButConfigured)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairs_an_identity_protection_block_with_settings_of_another_profile_for_the_same_group()
    {
        using var temp = new TempDirectory();
        var blocked = IdentityProtection("WHfB blocked", "  \"windowsHelloForBusinessBlocked\": [|true|],\n  \"pinRecoveryEnabled\": false", GroupAssignment(PilotGroup));
        var oma = CustomOma("PIN recovery", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", "true"), GroupAssignment(PilotGroup));

        var (result, files) = Lint.Marked(temp, ("blocked.json", blocked), ("oma.json", oma));

        result.AssertFindingsAtMarks(RuleIds.HelloDisabledButConfigured, "blocked.json", files["blocked.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.HelloDisabledButConfigured));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("custom OMA-URI profile 'PIN recovery'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_pair_profiles_for_different_groups()
    {
        using var temp = new TempDirectory();
        var blocked = IdentityProtection("WHfB blocked", "  \"windowsHelloForBusinessBlocked\": true", GroupAssignment(PilotGroup));
        var oma = CustomOma("PIN recovery", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", "true"), GroupAssignment(OtherGroup));

        var (result, _) = Lint.Marked(temp, ("blocked.json", blocked), ("oma.json", oma));

        Assert.Empty(result.Findings(RuleIds.HelloDisabledButConfigured));
    }

    [Fact]
    public void Possible_overlap_is_one_level_below_and_says_so()
    {
        using var temp = new TempDirectory();
        var blocked = IdentityProtection("WHfB blocked", "  \"windowsHelloForBusinessBlocked\": true");
        var oma = CustomOma("PIN recovery", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", "true"), GroupAssignment(PilotGroup));

        var (result, _) = Lint.Marked(temp, ("blocked.json", blocked), ("oma.json", oma));

        var finding = Assert.Single(result.Findings(RuleIds.HelloDisabledButConfigured));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("possible overlap", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_false_that_a_stronger_group_policy_overrides_turns_nothing_off()
    {
        using var temp = new TempDirectory();
        var children = string.Join(",\n", Choice("usepassportforwork", "false"), Choice("enablepinrecovery", "true"));
        var intune = SettingsCatalog("WHfB - Kiosks", children, GroupAssignment(PilotGroup));
        var gpo = Report(GpoXml("WHfB on", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com/Kiosks")));

        var (result, _) = Lint.Marked(temp, ("kiosks.json", intune), ("gpo.xml", gpo));

        Assert.Empty(result.Findings(RuleIds.HelloDisabledButConfigured));
    }

    private static string MarkedChoice(string leaf, string value) => $$"""
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                        "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}_policies_{{leaf}}",
                        "choiceSettingValue": { "value": [|"device_vendor_msft_passportforwork_{tenantid}_policies_{{leaf}}_{{value}}"|], "children": [] }
                      }
        """;
}

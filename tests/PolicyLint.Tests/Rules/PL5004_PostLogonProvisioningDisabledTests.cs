using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL5004_PostLogonProvisioningDisabledTests
{
    private const string CheckBoxLabel = "Do not start Windows Hello provisioning after sign-in";

    [Fact]
    public void Fires_at_a_settings_catalog_true()
    {
        using var temp = new TempDirectory();
        var export = SettingsCatalog("WHfB - Onboarding", string.Join(",\n", Choice("usepassportforwork", "true"), MarkedChoice("disablepostlogonprovisioning", "true")));

        var (result, files) = Lint.Marked(temp, ("sc.json", export));

        result.AssertFindingsAtMarks(RuleIds.PostLogonProvisioningDisabled, "sc.json", files["sc.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.PostLogonProvisioningDisabled));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("users are not prompted to enrol", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set DisablePostLogonProvisioning to false or remove it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_false()
    {
        using var temp = new TempDirectory();
        var export = SettingsCatalog("WHfB - Onboarding", string.Join(",\n", Choice("usepassportforwork", "true"), Choice("disablepostlogonprovisioning", "false")));

        var (result, _) = Lint.Marked(temp, ("sc.json", export));

        Assert.Empty(result.Findings(RuleIds.PostLogonProvisioningDisabled));
    }

    [Fact]
    public void Fires_at_the_gpo_check_box_when_it_is_ticked()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled", elements: CheckBox(CheckBoxLabel, "[|Enabled|]")), links: Link("contoso.com/Workstations")));

        var (result, files) = Lint.Marked(temp, ("gpo.xml", gpo));

        result.AssertFindingsAtMarks(RuleIds.PostLogonProvisioningDisabled, "gpo.xml", files["gpo.xml"]);
        var finding = Assert.Single(result.Findings(RuleIds.PostLogonProvisioningDisabled));
        Assert.Contains("clear the check box 'Do not start Windows Hello provisioning after sign-in'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("linked to contoso.com/Workstations", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_the_check_box_is_clear()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled", elements: CheckBox(CheckBoxLabel, "Disabled")), links: Link("contoso.com/Workstations")));

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo));

        Assert.Empty(result.Findings(RuleIds.PostLogonProvisioningDisabled));
    }

    [Fact]
    public void Leaves_a_profile_that_also_turns_whfb_off_to_PL5003()
    {
        using var temp = new TempDirectory();
        var export = SettingsCatalog("WHfB - Kiosks", string.Join(",\n", Choice("usepassportforwork", "false"), Choice("disablepostlogonprovisioning", "true")));

        var (result, _) = Lint.Marked(temp, ("sc.json", export));

        Assert.Empty(result.Findings(RuleIds.PostLogonProvisioningDisabled));
        Assert.Single(result.Findings(RuleIds.HelloDisabledButConfigured));
    }

    private static string MarkedChoice(string leaf, string value) => $$"""
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                        "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}_policies_{{leaf}}",
                        "choiceSettingValue": { "value": [|"device_vendor_msft_passportforwork_{tenantid}_policies_{{leaf}}_{{value}}"|], "children": [] }
                      }
        """;
}

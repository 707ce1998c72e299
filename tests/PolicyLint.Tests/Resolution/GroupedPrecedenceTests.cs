using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Output;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Resolution;

/// <summary>
/// Precedence applied per group, not per node (reference H13; Microsoft's worked example in "Manage Windows Hello for
/// Business in your organization"), and MDMWinsOverGP for Policy CSP nodes only (H3, H14). Real GPMC reports and
/// Graph exports.
/// </summary>
public sealed class GroupedPrecedenceTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    private const string GpoGuid = "{6AC1786C-016F-11D2-945F-00C04FB984F9}";

    private static LintReport Run(TempDirectory temp, params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            temp.Write(name, text);
        }

        return Lint.Paths(temp.Path, ".");
    }

    private static PolicySetting Setting(LintReport report, string source, CspNode node) =>
        report.Policy.SettingsOf(node).Single(s => s.Source.DisplayName == source);

    [Fact]
    public void Microsofts_worked_example_enforces_gp_enablement_and_certificate_trust_and_mdm_pin_rules()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - GP", GpoGuid,
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled") + Policy("Use certificate for on-premises authentication", "Enabled"),
            links: Link("contoso.com/Workstations")));
        var mdm = SettingsCatalog("WHfB - MDM",
            Choice("usepassportforwork", "false") + ",\n" + Choice("usecertificateforonpremauth", "false") + ",\n"
            + Choice("pincomplexity_lowercaseletters", "0") + ",\n" + Choice("pincomplexity_uppercaseletters", "0") + ",\n"
            + Choice("pincomplexity_specialcharacters", "0"),
            GroupAssignment(Pilot));

        var report = Run(temp, ("gpo.xml", gpo), ("mdm.json", mdm));
        var policy = report.Policy;

        // GP's enablement and certificate trust are enforced; MDM's are not.
        Assert.NotNull(policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.UsePassportForWork)));
        Assert.NotNull(policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.UseCertificateForOnPremAuth)));
        Assert.Null(policy.ShadowingOf(Setting(report, "WHfB - GP", PassportForWorkCatalog.UseCertificateForOnPremAuth)));

        // GP sets no PIN complexity setting, so MDM's PIN rules apply.
        Assert.Null(policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.LowercaseLetters)));
        Assert.Null(policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.SpecialCharacters)));
    }

    [Fact]
    public void Certificate_trust_comes_from_the_source_that_wins_use_windows_hello_for_business()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - GP", GpoGuid, computerPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com/Workstations")));
        var mdm = SettingsCatalog("WHfB - MDM", Choice("usecertificateforonpremauth", "true"), GroupAssignment(Pilot));

        var report = Run(temp, ("gpo.xml", gpo), ("mdm.json", mdm));

        // Per node nothing would override the Intune value (the GPO does not set certificate trust); per group it is unused.
        var shadowing = report.Policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.UseCertificateForOnPremAuth));
        Assert.NotNull(shadowing);
        Assert.Equal(PrecedenceGroup.Enablement, shadowing.Group);
        Assert.True(shadowing.IsByGroup);
        Assert.Equal(OverlapKind.Assumed, shadowing.Overlap);
        Assert.Contains("come together from the source that wins UsePassportForWork", shadowing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_gp_pin_setting_takes_every_pin_rule_and_the_security_device_from_group_policy()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - GP", GpoGuid,
            computerPolicies: Policy("Minimum PIN length", "Enabled", PinCategory, Numeric("Minimum PIN length", "6")),
            links: Link("contoso.com/Workstations")));
        var mdm = SettingsCatalog("WHfB - MDM",
            Choice("requiresecuritydevice", "true") + ",\n" + Choice("pincomplexity_digits", "0") + ",\n" + Choice("enablepinrecovery", "true"),
            GroupAssignment(Pilot));

        var report = Run(temp, ("gpo.xml", gpo), ("mdm.json", mdm));
        var policy = report.Policy;

        Assert.Equal(PrecedenceGroup.PinComplexity, policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.RequireSecurityDevice))?.Group);
        Assert.Equal(PrecedenceGroup.PinComplexity, policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.Digits))?.Group);

        // Every other WHfB policy is resolved on its own: PIN recovery is not in a group and no GPO sets it.
        Assert.Null(policy.ShadowingOf(Setting(report, "WHfB - MDM", PassportForWorkCatalog.EnablePinRecovery)));
    }

    [Fact]
    public void Groups_follow_the_stronger_source_not_the_stronger_node_inside_intune()
    {
        using var temp = new TempDirectory();
        var user = SettingsCatalog("User MDM", Choice("requiresecuritydevice", "true", scope: "user"), GroupAssignment(Pilot), id: "u1");
        var device = SettingsCatalog("Device MDM", Choice("pincomplexity_digits", "1"), GroupAssignment(Pilot), id: "d1");

        var report = Run(temp, ("user.json", user), ("device.json", device));

        // User MDM outranks Device MDM and sets a member of the PIN group: the device-scope digits rule gives way.
        var shadowing = report.Policy.ShadowingOf(Setting(report, "Device MDM", PassportForWorkCatalog.Digits));
        Assert.Equal(PrecedenceGroup.PinComplexity, shadowing?.Group);
        Assert.Equal("User MDM", shadowing!.Winner.Source.DisplayName);
    }

    [Fact]
    public void Mdm_wins_over_gp_only_for_policy_csp_nodes_and_only_on_devices_it_reaches()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("Kerberos - GP", GpoGuid,
            computerPolicies: Policy("Allow retrieving the Azure AD Kerberos Ticket Granting Ticket during logon", "Disabled", "System/Kerberos")
                + Policy("Use Windows Hello for Business", "Disabled"),
            links: Link("contoso.com/Workstations")));
        const string KerberosAndMdmWins = """
            {
              "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
              "id": "k1",
              "name": "Kerberos - MDM",
              "platforms": "windows10",
              "technologies": "mdm",
              "settings": [
                { "id": "0", "settingInstance": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                  "settingDefinitionId": "device_vendor_msft_policy_config_kerberos_cloudkerberosticketretrievalenabled",
                  "choiceSettingValue": { "value": "device_vendor_msft_policy_config_kerberos_cloudkerberosticketretrievalenabled_1", "children": [] } } },
                { "id": "1", "settingInstance": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                  "settingDefinitionId": "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp",
                  "choiceSettingValue": { "value": "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp_1", "children": [] } } },
                { "id": "2", "settingInstance": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance",
                  "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}",
                  "groupSettingCollectionValue": [ { "children": [
                    { "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                      "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork",
                      "choiceSettingValue": { "value": "device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork_true", "children": [] } } ] } ] } }
              ],
              "assignments": [ { "target": { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } } ]
            }
            """;

        var report = Run(temp, ("gpo.xml", gpo), ("mdm.json", KerberosAndMdmWins));
        var policy = report.Policy;

        // Policy CSP: MDMWinsOverGP = 1 in the same (assigned) profile reaches its devices, so Intune wins.
        var kerberos = Setting(report, "Kerberos - MDM", PassportForWorkCatalog.CloudKerberosTicketRetrievalEnabled);
        Assert.Equal(PrecedenceTier.MdmWinsOverGp, policy.PrecedenceOf(kerberos).Tier);
        Assert.Null(policy.ShadowingOf(kerberos));
        Assert.NotNull(policy.ShadowingOf(Setting(report, "Kerberos - GP", PassportForWorkCatalog.CloudKerberosTicketRetrievalEnabled)));

        // PassportForWork: MDMWinsOverGP is not respected, Group Policy still wins.
        var hello = Setting(report, "Kerberos - MDM", PassportForWorkCatalog.UsePassportForWork);
        Assert.Equal("Kerberos - GP", policy.ShadowingOf(hello)?.Winner.Source.DisplayName);
    }

    [Fact]
    public void A_profile_that_only_carries_mdm_wins_over_gp_is_read()
    {
        using var temp = new TempDirectory();
        const string OnlyMdmWins = """
            {
              "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
              "id": "m1",
              "name": "MDM wins over GP",
              "platforms": "windows10",
              "technologies": "mdm",
              "settings": [
                { "id": "0", "settingInstance": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                  "settingDefinitionId": "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp",
                  "choiceSettingValue": { "value": "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp_1", "children": [] } } }
              ],
              "assignments": [ { "target": { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } } ]
            }
            """;

        var report = Run(temp, ("mdmwins.json", OnlyMdmWins));

        var setting = Assert.Single(report.Policy.SettingsOf(PassportForWorkCatalog.MdmWinsOverGp));
        Assert.Equal(1, setting.Value.IntegerValue);
    }
}

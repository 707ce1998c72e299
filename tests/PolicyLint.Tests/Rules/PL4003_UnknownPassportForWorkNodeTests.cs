using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4003_UnknownPassportForWorkNodeTests
{
    [Fact]
    public void Fires_on_a_misspelt_oma_uri_and_suggests_the_real_node()
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Typo", OmaBoolean($"[|\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuht\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.UnknownPassportForWorkNode, "oma.json", files["oma.json"]);
        var message = Assert.Single(result.Findings(RuleIds.UnknownPassportForWorkNode)).Message;
        Assert.Contains($"did you mean './Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_on_an_unknown_settings_catalog_id()
    {
        using var temp = new TempDirectory();
        const string Child = """
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
                        "settingDefinitionId": [|"device_vendor_msft_passportforwork_{tenantid}_policies_requiresecuritydevce"|],
                        "choiceSettingValue": { "value": "device_vendor_msft_passportforwork_{tenantid}_policies_requiresecuritydevce_true", "children": [] }
                      }
            """;

        var (result, files) = Lint.Marked(temp, ("sc.json", SettingsCatalog("Typo", Child)));

        result.AssertFindingsAtMarks(RuleIds.UnknownPassportForWorkNode, "sc.json", files["sc.json"]);
        Assert.Contains("did you mean 'device_vendor_msft_passportforwork_{tenantid}_policies_requiresecuritydevice'",
            Assert.Single(result.Findings(RuleIds.UnknownPassportForWorkNode)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_on_known_nodes_or_on_other_csps()
    {
        using var temp = new TempDirectory();
        var rows = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength\"", "true") + ",\n"
            + OmaBoolean("\"./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled\"", "true");

        var (result, _) = Lint.Marked(temp, ("oma.json", CustomOma("Fine", rows)));

        Assert.Empty(result.Findings(RuleIds.UnknownPassportForWorkNode));
    }
}

using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4002_InvalidSettingValueTests
{
    [Fact]
    public void Fires_on_an_out_of_range_pin_length_and_names_the_range()
    {
        using var temp = new TempDirectory();
        const string Child = """
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
                        "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_maximumpinlength",
                        "simpleSettingValue": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue", "value": [|200|] }
                      }
            """;

        var (result, files) = Lint.Marked(temp, ("pin.json", SettingsCatalog("PIN", Child)));

        result.AssertFindingsAtMarks(RuleIds.InvalidSettingValue, "pin.json", files["pin.json"]);
        var message = Assert.Single(result.Findings(RuleIds.InvalidSettingValue)).Message;
        Assert.Contains("MaximumPINLength (device scope) in Settings Catalog profile 'PIN' is written as '200'", message, StringComparison.Ordinal);
        Assert.Contains("use an integer from 4 to 127", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_on_an_integer_oma_row_for_a_boolean_node_and_on_a_device_only_node_in_user_scope()
    {
        using var temp = new TempDirectory();
        var rows = $$"""
                { "@odata.type": "#microsoft.graph.omaSettingInteger", "displayName": "cert trust",
                  "omaUri": "./Device/Vendor/MSFT/PassportForWork/{{TenantId}}/Policies/UseCertificateForOnPremAuth", "isEncrypted": false, "value": [|1|] },
                { "@odata.type": "#microsoft.graph.omaSettingBoolean", "displayName": "tpm 1.2",
                  "omaUri": "./User/Vendor/MSFT/PassportForWork/{{TenantId}}/Policies/ExcludeSecurityDevices/TPM12", "isEncrypted": false, "value": [|true|] }
            """;

        var (result, files) = Lint.Marked(temp, ("oma.json", CustomOma("Typed wrong", rows)));

        result.AssertFindingsAtMarks(RuleIds.InvalidSettingValue, "oma.json", files["oma.json"]);
        var messages = result.Findings(RuleIds.InvalidSettingValue).Select(f => f.Message).ToList();
        Assert.Contains(messages, m => m.Contains("UseCertificateForOnPremAuth is a Boolean node but the row is Integer", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("set it in device scope", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("True")]
    [InlineData("False")]
    public void Fires_on_a_string_oma_row_holding_true_or_false_for_a_boolean_node(string text)
    {
        using var temp = new TempDirectory();
        var rows = $$"""
                { "@odata.type": "#microsoft.graph.omaSettingString", "displayName": "cloud trust",
                  "omaUri": "./Device/Vendor/MSFT/PassportForWork/{{TenantId}}/Policies/UseCloudTrustForOnPremAuth", "isEncrypted": false, "value": [|"{{text}}"|] }
            """;

        var (result, files) = Lint.Marked(temp, ("oma.json", CustomOma("Typed as text", rows)));

        result.AssertFindingsAtMarks(RuleIds.InvalidSettingValue, "oma.json", files["oma.json"]);
        var message = Assert.Single(result.Findings(RuleIds.InvalidSettingValue)).Message;
        Assert.Contains("UseCloudTrustForOnPremAuth is a Boolean node but the row is String", message, StringComparison.Ordinal);
    }

    /// <summary>Intune hides String values (isEncrypted): the row type alone shows the error, and nothing of the value is printed.</summary>
    [Fact]
    public void Fires_on_an_encrypted_string_row_for_a_boolean_node_without_printing_the_value()
    {
        using var temp = new TempDirectory();
        var rows = $$"""
                { "@odata.type": "#microsoft.graph.omaSettingString", "displayName": "cloud trust",
                  "omaUri": "./Device/Vendor/MSFT/PassportForWork/{{TenantId}}/Policies/UseCloudTrustForOnPremAuth", "isEncrypted": true, "value": [|"Q2lwaGVydGV4dA=="|] }
            """;

        var (result, files) = Lint.Marked(temp, ("oma.json", CustomOma("Encrypted", rows)));

        result.AssertFindingsAtMarks(RuleIds.InvalidSettingValue, "oma.json", files["oma.json"]);
        var message = Assert.Single(result.Findings(RuleIds.InvalidSettingValue)).Message;
        Assert.Contains("UseCloudTrustForOnPremAuth is a Boolean node but the row is String", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Q2lwaGVydGV4dA", string.Join("\n", result.Findings.Select(f => f.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_valid_values_or_cloud_trust_in_user_scope()
    {
        using var temp = new TempDirectory();
        var rows = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth\"", "false") + ",\n"
            + OmaBoolean($"\"./User/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "true");

        var (result, _) = Lint.Marked(temp, ("oma.json", CustomOma("Fine", rows)));

        Assert.Empty(result.Findings(RuleIds.InvalidSettingValue));
        Assert.Single(result.Findings(RuleIds.CloudTrustInUserScope));
    }
}

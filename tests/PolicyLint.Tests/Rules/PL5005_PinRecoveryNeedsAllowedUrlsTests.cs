using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL5005_PinRecoveryNeedsAllowedUrlsTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    private const string Other = "bbbb0000-0000-0000-0000-000000000002";

    private static readonly TenantFacts FederatedEntra = new() { JoinType = JoinType.Entra, Federated = true, FederationHosts = ["sts.contoso.com"] };

    private static string PinRecoveryRow(string value) =>
        OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", value);

    /// <summary>A Settings Catalog profile with the Authentication allow list as its only setting.</summary>
    private static string AllowList(string name, string value, string assignments, string id = "66666666-0000-0000-0000-000000000006") => $$"""
        {
          "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
          "id": "{{id}}",
          "name": "{{name}}",
          "platforms": "windows10",
          "technologies": "mdm",
          "templateReference": { "templateId": "", "templateFamily": "none", "templateDisplayName": null },
          "settings": [
            {
              "id": "0",
              "settingInstance": {
                "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
                "settingDefinitionId": "device_vendor_msft_policy_config_authentication_configurewebsigninallowedurls",
                "simpleSettingValue": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationStringSettingValue", "value": "{{value}}" }
              }
            }
          ],
          "assignments": {{assignments}}
        }
        """;

    [Fact]
    public void Fires_at_pin_recovery_when_no_policy_sets_the_allow_list_for_federated_entra_joined_devices()
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("[|true|]"), GroupAssignment(Pilot));

        var (result, files) = FactsLint.Marked(temp, FederatedEntra, ("recovery.json", recovery));

        result.AssertFindingsAtMarks(RuleIds.PinRecoveryNeedsAllowedUrls, "recovery.json", files["recovery.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("EnablePinRecovery is true in custom OMA-URI profile 'WHfB PIN recovery' (assigned to group", finding.Message, StringComparison.Ordinal);
        Assert.Contains("sign-in is federated to sts.contoso.com", finding.Message, StringComparison.Ordinal);
        Assert.Contains("no policy for these devices sets Authentication/ConfigureWebSignInAllowedUrls", finding.Message, StringComparison.Ordinal);
        Assert.Contains("We can't open that page right now", finding.Message, StringComparison.Ordinal);
        Assert.Contains("with 'sts.contoso.com'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_an_allow_list_for_the_same_devices_lists_the_federation_host()
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("true"), GroupAssignment(Pilot));
        var allow = AllowList("PIN reset allowed URLs", "https://STS.contoso.com/adfs/ls; login.contoso.com", GroupAssignment(Pilot));

        var (result, _) = FactsLint.Marked(temp, FederatedEntra, ("recovery.json", recovery), ("allow.json", allow));

        Assert.Empty(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
    }

    [Fact]
    public void Names_the_missing_host_and_the_list_that_lacks_it()
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("[|true|]"), GroupAssignment(Pilot));
        var allow = AllowList("PIN reset allowed URLs", "login.contoso.com", GroupAssignment(Pilot));

        var (result, files) = FactsLint.Marked(temp, FederatedEntra, ("recovery.json", recovery), ("allow.json", allow));

        result.AssertFindingsAtMarks(RuleIds.PinRecoveryNeedsAllowedUrls, "recovery.json", files["recovery.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("the allow list in Settings Catalog profile 'PIN reset allowed URLs' (allow.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("is 'login.contoso.com', without sts.contoso.com", finding.Message, StringComparison.Ordinal);
        Assert.Equal("allow.json", Assert.Single(finding.RelatedLocations).FilePath);
    }

    [Fact]
    public void Fires_when_the_only_complete_list_targets_other_devices()
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("true"), GroupAssignment(Pilot));
        var allow = AllowList("PIN reset allowed URLs", "sts.contoso.com", GroupAssignment(Other));

        var (result, _) = FactsLint.Marked(temp, FederatedEntra, ("recovery.json", recovery), ("allow.json", allow));

        var finding = Assert.Single(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
        Assert.Contains("no policy for these devices sets", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_in_the_us_government_cloud_without_login_microsoftonline_us_and_not_with_it()
    {
        var facts = new TenantFacts { JoinType = JoinType.Entra, Cloud = "usGovernment" };
        using (var temp = new TempDirectory())
        {
            var recovery = SettingsCatalog("WHfB", Choice("enablepinrecovery", "true"), GroupAssignment(Pilot));
            var (result, _) = FactsLint.Marked(temp, facts, ("whfb.json", recovery));
            var finding = Assert.Single(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
            Assert.Contains("Azure US Government cloud (cloud: usGovernment), where PIN reset opens login.microsoftonline.us", finding.Message, StringComparison.Ordinal);
            Assert.Contains("with 'login.microsoftonline.us'", finding.Message, StringComparison.Ordinal);
        }

        using (var temp = new TempDirectory())
        {
            var recovery = SettingsCatalog("WHfB", Choice("enablepinrecovery", "true"), GroupAssignment(Pilot));
            var allow = AllowList("PIN reset allowed URLs", "login.microsoftonline.us", AllDevices());
            var (result, _) = FactsLint.Marked(temp, facts, ("whfb.json", recovery), ("allow.json", allow));
            Assert.Empty(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
        }
    }

    [Fact]
    public void Is_a_note_for_devices_of_both_join_types()
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("true"), GroupAssignment(Pilot));

        var (result, _) = FactsLint.Marked(temp, FederatedEntra with { JoinType = JoinType.Both }, ("recovery.json", recovery));

        var finding = Assert.Single(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("the Microsoft Entra joined devices among them", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_a_note_when_the_pin_recovery_policy_is_not_assigned_yet()
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("true"), "[]");

        var (result, _) = FactsLint.Marked(temp, FederatedEntra, ("recovery.json", recovery));

        var finding = Assert.Single(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("not assigned yet", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_federation_hosts_unknown_asks_for_them_and_accepts_any_list()
    {
        var facts = new TenantFacts { JoinType = JoinType.Entra, Federated = true };
        using (var temp = new TempDirectory())
        {
            var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("true"), GroupAssignment(Pilot));
            var (result, _) = FactsLint.Marked(temp, facts, ("recovery.json", recovery));
            var finding = Assert.Single(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
            Assert.Contains("no federationHosts listed", finding.Message, StringComparison.Ordinal);
            Assert.Contains("the host names of your federation service's sign-in pages", finding.Message, StringComparison.Ordinal);
        }

        using (var temp = new TempDirectory())
        {
            var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("true"), GroupAssignment(Pilot));
            var allow = AllowList("PIN reset allowed URLs", "idp.fabrikam.com", GroupAssignment(Pilot));
            var (result, _) = FactsLint.Marked(temp, facts, ("recovery.json", recovery), ("allow.json", allow));
            Assert.Empty(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
        }
    }

    public static TheoryData<string, TenantFacts> SilentFacts() => new()
    {
        { "join type not configured", new TenantFacts { Federated = true, FederationHosts = ["sts.contoso.com"] } },
        { "hybrid joined", new TenantFacts { JoinType = JoinType.Hybrid, Federated = true, FederationHosts = ["sts.contoso.com"] } },
        { "managed sign-in in the public cloud", new TenantFacts { JoinType = JoinType.Entra, Cloud = "public", Federated = false } },
        { "federated: false wins over stray hosts", new TenantFacts { JoinType = JoinType.Entra, Federated = false, FederationHosts = ImmutableArray.Create("sts.contoso.com") } },
        { "nothing configured", TenantFacts.Unknown },
    };

    [Theory]
    [MemberData(nameof(SilentFacts))]
    public void Stays_silent_without_the_facts_that_make_the_allow_list_necessary(string why, TenantFacts facts)
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("true"), GroupAssignment(Pilot));

        var (result, _) = FactsLint.Marked(temp, facts, ("recovery.json", recovery));

        Assert.True(!result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls).Any(), why);
    }

    [Fact]
    public void Does_not_fire_when_pin_recovery_is_off()
    {
        using var temp = new TempDirectory();
        var recovery = CustomOma("WHfB PIN recovery", PinRecoveryRow("false"), GroupAssignment(Pilot));

        var (result, _) = FactsLint.Marked(temp, FederatedEntra, ("recovery.json", recovery));

        Assert.Empty(result.Findings(RuleIds.PinRecoveryNeedsAllowedUrls));
    }
}

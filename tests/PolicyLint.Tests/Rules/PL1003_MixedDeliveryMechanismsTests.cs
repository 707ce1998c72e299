using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL1003_MixedDeliveryMechanismsTests
{
    private const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    private const string Kiosks = "bbbb0000-0000-0000-0000-000000000002";

    private static string RequireSecurityDeviceRow(string value) =>
        OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", value);

    /// <summary>An endpoint security Account protection policy (configurationPolicies form) with the given children.</summary>
    private static string AccountProtection(string name, string children, string assignments, string id) =>
        SettingsCatalog(name, children, assignments, id)
            .Replace("\"templateId\": \"\"", "\"templateId\": \"fcef01f2-439d-4c3f-9184-823fd6e97646_1\"", StringComparison.Ordinal)
            .Replace("\"templateFamily\": \"none\"", "\"templateFamily\": \"endpointSecurityAccountProtection\"", StringComparison.Ordinal);

    [Fact]
    public void Fires_at_the_custom_oma_uri_row_when_a_settings_catalog_profile_sets_the_same_node_to_the_same_value()
    {
        using var temp = new TempDirectory();
        var catalog = SettingsCatalog("WHfB baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot));
        var custom = CustomOma("WHfB cloud trust", RequireSecurityDeviceRow("[|true|]"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("catalog.json", catalog), ("custom.json", custom));

        result.AssertFindingsAtMarks(RuleIds.MixedDeliveryMechanisms, "custom.json", files["custom.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.MixedDeliveryMechanisms));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("RequireSecurityDevice (device scope) is true in custom OMA-URI profile 'WHfB cloud trust'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("also set by Settings Catalog profile 'WHfB baseline' as true (catalog.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("certain overlap", finding.Message, StringComparison.Ordinal);
        Assert.Equal("catalog.json", Assert.Single(finding.RelatedLocations).FilePath);
        Assert.Empty(result.Findings(RuleIds.ConflictingIntuneValues));
    }

    [Fact]
    public void Lists_every_earlier_mechanism_and_fires_with_different_values_too()
    {
        using var temp = new TempDirectory();
        var catalog = SettingsCatalog("WHfB baseline", Choice("requiresecuritydevice", "true"), AllDevices(), id: "c1");
        var protection = AccountProtection("WHfB account protection", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "a1");
        var custom = CustomOma("WHfB cloud trust", RequireSecurityDeviceRow("[|false|]"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("catalog.json", catalog), ("protection.json", protection), ("custom.json", custom));

        result.AssertFindingsAtMarks(RuleIds.MixedDeliveryMechanisms, "custom.json", files["custom.json"]);
        var onCustom = Assert.Single(result.Findings(RuleIds.MixedDeliveryMechanisms), f => f.FilePath == "custom.json");
        Assert.Contains("Settings Catalog profile 'WHfB baseline' as true", onCustom.Message, StringComparison.Ordinal);
        Assert.Contains("Account Protection policy 'WHfB account protection' as true", onCustom.Message, StringComparison.Ordinal);
        Assert.Equal(2, onCustom.RelatedLocations.Length);
        // The Account Protection policy meets the Settings Catalog profile too: one finding on it, none on the catalog.
        Assert.Single(result.Findings(RuleIds.MixedDeliveryMechanisms), f => f.FilePath == "protection.json");
        Assert.DoesNotContain(result.Findings(RuleIds.MixedDeliveryMechanisms), f => f.FilePath == "catalog.json");
    }

    [Fact]
    public void Does_not_fire_when_the_mechanisms_target_groups_that_do_not_meet()
    {
        using var temp = new TempDirectory();
        var catalog = SettingsCatalog("WHfB baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Kiosks));
        var custom = CustomOma("WHfB cloud trust", RequireSecurityDeviceRow("true"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("catalog.json", catalog), ("custom.json", custom));

        Assert.Empty(result.Findings(RuleIds.MixedDeliveryMechanisms));
    }

    [Fact]
    public void Does_not_fire_for_several_policies_of_one_mechanism()
    {
        using var temp = new TempDirectory();
        var first = SettingsCatalog("WHfB baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "c1");
        var second = SettingsCatalog("WHfB pilot", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "c2");

        var (result, _) = Lint.Marked(temp, ("first.json", first), ("second.json", second));

        Assert.Empty(result.Findings(RuleIds.MixedDeliveryMechanisms));
    }

    [Fact]
    public void Does_not_fire_for_the_same_node_in_different_scopes()
    {
        using var temp = new TempDirectory();
        var catalog = SettingsCatalog("WHfB users", Choice("requiresecuritydevice", "true", scope: "user"), GroupAssignment(Pilot));
        var custom = CustomOma("WHfB devices", RequireSecurityDeviceRow("true"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("catalog.json", catalog), ("custom.json", custom));

        Assert.Empty(result.Findings(RuleIds.MixedDeliveryMechanisms));
    }

    [Fact]
    public void Leaves_an_identity_protection_profile_next_to_a_settings_catalog_profile_to_PL1002()
    {
        using var temp = new TempDirectory();
        var legacy = IdentityProtection("WHfB legacy", "  \"securityDeviceRequired\": true", GroupAssignment(Pilot));
        var catalog = SettingsCatalog("WHfB baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot));

        var (result, _) = Lint.Marked(temp, ("legacy.json", legacy), ("catalog.json", catalog));

        Assert.Empty(result.Findings(RuleIds.MixedDeliveryMechanisms));
        Assert.Single(result.Findings(RuleIds.DeprecatedProfileConflict));
    }

    [Fact]
    public void Reports_identity_protection_next_to_an_account_protection_intent_which_PL1002_does_not_pair()
    {
        using var temp = new TempDirectory();
        var legacy = IdentityProtection("WHfB legacy", "  \"securityDeviceRequired\": true", GroupAssignment(Pilot));
        var intent = PreviewIntent("WHfB account protection (intent)", IntentSetting("securityDeviceRequired", "\"true\""), GroupAssignment(Pilot),
            templateId: "c5f2b7a1-0000-4000-8000-00000000ab01");

        var (result, files) = Lint.Marked(temp, ("legacy.json", legacy), ("intent.json", intent));

        Assert.Empty(result.Findings(RuleIds.DeprecatedProfileConflict));
        var finding = Assert.Single(result.Findings(RuleIds.MixedDeliveryMechanisms));
        Assert.Equal("legacy.json", finding.FilePath);
        Assert.Contains("also set by Account Protection policy (intent) 'WHfB account protection (intent)' as true", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_the_pair_waits_for_assignment_when_one_side_is_unassigned()
    {
        using var temp = new TempDirectory();
        var catalog = SettingsCatalog("WHfB baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot));
        var custom = CustomOma("WHfB cloud trust", RequireSecurityDeviceRow("[|true|]"), "[]");

        var (result, files) = Lint.Marked(temp, ("catalog.json", catalog), ("custom.json", custom));

        result.AssertFindingsAtMarks(RuleIds.MixedDeliveryMechanisms, "custom.json", files["custom.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.MixedDeliveryMechanisms));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("not assigned yet", finding.Message, StringComparison.Ordinal);
    }
}

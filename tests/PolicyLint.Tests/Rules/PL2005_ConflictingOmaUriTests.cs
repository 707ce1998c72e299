using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Rules.SameNodeExports;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2005_ConflictingOmaUriTests
{
    [Fact]
    public void Fires_at_the_second_row_names_both_profiles_and_values_and_leaves_pl2001_silent()
    {
        using var temp = new TempDirectory();
        var first = Oma("WHfB - PIN", "c0000000-0000-0000-0000-000000000001", OmaInteger(DeviceUri(MinPin), "6"), GroupAssignment(Pilot));
        var second = Oma("WHfB - PIN (ring 2)", "c0000000-0000-0000-0000-000000000002", OmaInteger(DeviceUri(MinPin), "[|8|]"), GroupAssignment(Pilot));

        var (result, files) = Lint.Marked(temp, ("a.json", first), ("b.json", second));

        result.AssertFindingsAtMarks(RuleIds.ConflictingOmaUri, "b.json", files["b.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.ConflictingOmaUri));
        Assert.Equal(Levels.Error, finding.Level);
        Assert.Contains("MinimumPINLength (device scope) is 6 in custom OMA-URI profile 'WHfB - PIN' (a.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("but 8 in custom OMA-URI profile 'WHfB - PIN (ring 2)'", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"both reach group {Pilot} (certain overlap)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("may end up with either value", finding.Message, StringComparison.Ordinal);
        Assert.Equal("a.json", Assert.Single(finding.RelatedLocations).FilePath);
        Assert.Empty(result.Findings(RuleIds.ConflictingIntuneValues));
    }

    /// <summary>Spellings of the first row's OMA-URI that write the same node on the device.</summary>
    public static TheoryData<string> SameNodeSpellings() => new()
    {
        $"./Vendor/MSFT/PassportForWork/{TenantId}/{MinPin}",
        $"./device/vendor/msft/passportforwork/{TenantId}/policies/pincomplexity/minimumpinlength",
        $"./Device/Vendor/MSFT/PassportForWork/{{{TenantId}}}/{MinPin}",
        $"./Device/Vendor/MSFT/PassportForWork/{TenantId.ToUpperInvariant()}/{MinPin}",

        // Not here: white space around the URI is a malformed OMA-URI (PL4008), one mistake with one finding.
    };

    [Theory]
    [MemberData(nameof(SameNodeSpellings))]
    public void Compares_oma_uris_after_normalization(string spelling)
    {
        using var temp = new TempDirectory();
        var first = Oma("Device form", "c0000000-0000-0000-0000-000000000001", OmaInteger(DeviceUri(MinPin), "6"), AllDevices());
        var second = Oma("Other form", "c0000000-0000-0000-0000-000000000002", OmaInteger(spelling, "[|8|]"), AllDevices());

        var (result, files) = Lint.Marked(temp, ("a.json", first), ("b.json", second));

        result.AssertFindingsAtMarks(RuleIds.ConflictingOmaUri, "b.json", files["b.json"]);
        Assert.Contains("name the same node", Assert.Single(result.Findings(RuleIds.ConflictingOmaUri)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Near_misses_equal_values_other_groups_other_scope_other_tenant_and_a_settings_catalog_side()
    {
        using var temp = new TempDirectory();
        const string otherTenant = "0f0f0f0f-1111-4222-8333-444455556666";
        var (result, _) = Lint.Marked(
            temp,
            ("1-base.json", Oma("Base", "c0000000-0000-0000-0000-000000000001", OmaInteger(DeviceUri(MinPin), "6"), GroupAssignment(Pilot))),
            ("2-same.json", Oma("Same value", "c0000000-0000-0000-0000-000000000002", OmaInteger($"./Vendor/MSFT/PassportForWork/{TenantId}/{MinPin}", "6"), GroupAssignment(Pilot))),
            ("3-finance.json", Oma("Finance", "c0000000-0000-0000-0000-000000000003", OmaInteger(DeviceUri(MinPin), "8"), GroupAssignment(Finance))),
            ("4-user.json", Oma("User scope", "c0000000-0000-0000-0000-000000000004", OmaInteger($"./User/Vendor/MSFT/PassportForWork/{TenantId}/{MinPin}", "8"), GroupAssignment(Pilot))),
            ("5-tenant.json", Oma("Other tenant", "c0000000-0000-0000-0000-000000000005", OmaInteger($"./Device/Vendor/MSFT/PassportForWork/{otherTenant}/{MinPin}", "8"), GroupAssignment(Pilot))),
            ("6-catalog.json", SettingsCatalog("Catalog", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "c0000000-0000-0000-0000-000000000006")),
            ("7-oma.json", Oma("Security device", "c0000000-0000-0000-0000-000000000007", OmaBoolean($"\"{DeviceUri("Policies/RequireSecurityDevice")}\"", "false"), GroupAssignment(Pilot))));

        Assert.Empty(result.Findings(RuleIds.ConflictingOmaUri));
        // The Settings Catalog against custom OMA-URI pair stays PL2001's.
        Assert.Equal("7-oma.json", Assert.Single(result.Findings(RuleIds.ConflictingIntuneValues)).FilePath);
    }

    [Fact]
    public void Two_rows_of_one_profile_conflict_with_each_other()
    {
        using var temp = new TempDirectory();
        var rows = OmaInteger(DeviceUri(MinPin), "6") + ",\n" + OmaInteger($"./Vendor/MSFT/PassportForWork/{TenantId}/{MinPin}", "[|10|]");

        var (result, files) = Lint.Marked(temp, ("a.json", Oma("Copied twice", "c0000000-0000-0000-0000-000000000001", rows, GroupAssignment(Pilot))));

        result.AssertFindingsAtMarks(RuleIds.ConflictingOmaUri, "a.json", files["a.json"]);
        Assert.Equal(Levels.Error, Assert.Single(result.Findings(RuleIds.ConflictingOmaUri)).Level);
    }

    [Fact]
    public void Possible_overlap_is_a_warning_and_an_unassigned_side_a_note()
    {
        using var temp = new TempDirectory();
        var (result, _) = Lint.Marked(
            temp,
            ("1.json", Oma("Unknown reach", "c0000000-0000-0000-0000-000000000001", OmaInteger(DeviceUri(MinPin), "6"))),
            ("2.json", Oma("Pilot", "c0000000-0000-0000-0000-000000000002", OmaInteger(DeviceUri(MinPin), "8"), GroupAssignment(Pilot))),
            ("3.json", Oma("Staging", "c0000000-0000-0000-0000-000000000003", OmaInteger(DeviceUri(MinPin), "10"), Unassigned)));

        var findings = result.Findings(RuleIds.ConflictingOmaUri).ToDictionary(f => f.FilePath);
        Assert.Equal(2, findings.Count);
        Assert.Equal(Levels.Warning, findings["2.json"].Level);
        Assert.Contains("possible overlap", findings["2.json"].Message, StringComparison.Ordinal);
        Assert.Equal(Levels.Note, findings["3.json"].Level);
        Assert.Contains("'Staging' is not assigned yet: this takes effect once both are assigned to the same devices", findings["3.json"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_filter_included_on_both_sides_still_overlaps()
    {
        using var temp = new TempDirectory();
        var (result, files) = Lint.Marked(
            temp,
            ("a.json", Oma("A", "c0000000-0000-0000-0000-000000000001", OmaInteger(DeviceUri(MinPin), "6"), GroupWithFilter(Pilot, "include"))),
            ("b.json", Oma("B", "c0000000-0000-0000-0000-000000000002", OmaInteger(DeviceUri(MinPin), "[|8|]"), GroupWithFilter(Pilot, "include"))));

        result.AssertFindingsAtMarks(RuleIds.ConflictingOmaUri, "b.json", files["b.json"]);
    }

    [Fact]
    public void A_filter_included_on_one_side_and_excluded_on_the_other_is_no_overlap()
    {
        using var temp = new TempDirectory();
        var (result, _) = Lint.Marked(
            temp,
            ("a.json", Oma("A", "c0000000-0000-0000-0000-000000000001", OmaInteger(DeviceUri(MinPin), "6"), GroupWithFilter(Pilot, "include"))),
            ("b.json", Oma("B", "c0000000-0000-0000-0000-000000000002", OmaInteger(DeviceUri(MinPin), "8"), GroupWithFilter(Pilot, "exclude"))));

        // No device matches a filter and its exclusion (issue 8; AssignmentOverlap.FiltersSeparate).
        Assert.Empty(result.Findings(RuleIds.ConflictingOmaUri));
    }
}

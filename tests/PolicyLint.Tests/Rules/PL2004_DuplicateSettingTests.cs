using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Rules.SameNodeExports;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2004_DuplicateSettingTests
{
    [Fact]
    public void One_finding_per_group_of_duplicates_naming_every_source_not_one_per_pair()
    {
        using var temp = new TempDirectory();
        var (result, files) = Lint.Marked(
            temp,
            ("1.json", SettingsCatalog("WHfB baseline", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000001")),
            ("2.json", SettingsCatalog("WHfB - TPM", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000002")),
            ("3.json", SettingsCatalog("WHfB - ring 1", Choice("requiresecuritydevice", "true"), AllDevices(), id: "d0000000-0000-0000-0000-000000000003")),
            ("4.json", SettingsCatalog("WHfB - ring 2", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000004")));

        // At the first copy after the original (a Settings Catalog value is located at its choiceSettingValue).
        var finding = Assert.Single(result.Findings(RuleIds.DuplicateSetting));
        Assert.Equal("2.json", finding.FilePath);
        Assert.Contains("choiceSettingValue", files["2.json"].Text.Split('\n')[finding.Line - 1], StringComparison.Ordinal);
        Assert.Equal(Levels.Note, finding.Level);
        Assert.StartsWith("RequireSecurityDevice (device scope) is true in 4 Settings Catalog profiles (certain overlap): 'WHfB baseline' (1.json(", finding.Message, StringComparison.Ordinal);
        foreach (var name in new[] { "'WHfB - TPM'", "'WHfB - ring 1'", "'WHfB - ring 2'" })
        {
            Assert.Contains(name, finding.Message, StringComparison.Ordinal);
        }

        Assert.Contains("certain overlap", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["1.json", "3.json", "4.json"], finding.RelatedLocations.Select(l => l.FilePath).Order());
        Assert.Empty(result.Findings(RuleIds.ConflictingIntuneValues));
    }

    [Fact]
    public void A_large_group_names_ten_copies_in_the_message_and_every_copy_in_the_related_locations()
    {
        using var temp = new TempDirectory();
        var files = Enumerable.Range(1, 12)
            .Select(i => ($"{i:00}.json", SettingsCatalog($"Copy {i}", Choice("requiresecuritydevice", "true"), AllDevices(), id: $"d0000000-0000-0000-0000-0000000000{i:00}")))
            .ToArray();

        var (result, _) = Lint.Marked(temp, files);

        var finding = Assert.Single(result.Findings(RuleIds.DuplicateSetting));
        Assert.Equal(11, finding.RelatedLocations.Length);
        Assert.Contains("'Copy 10'", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Copy 11'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("and 2 more (see the related locations)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_joined_through_a_broader_one_form_one_group()
    {
        // Pilot and Finance do not overlap, but All devices overlaps both: one group of three.
        using var temp = new TempDirectory();
        var (result, _) = Lint.Marked(
            temp,
            ("1.json", SettingsCatalog("Pilot", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000001")),
            ("2.json", SettingsCatalog("Finance", Choice("requiresecuritydevice", "true"), GroupAssignment(Finance), id: "d0000000-0000-0000-0000-000000000002")),
            ("3.json", SettingsCatalog("Everyone", Choice("requiresecuritydevice", "true"), AllDevices(), id: "d0000000-0000-0000-0000-000000000003")));

        var finding = Assert.Single(result.Findings(RuleIds.DuplicateSetting));
        Assert.Equal("2.json", finding.FilePath);
        Assert.Equal(2, finding.RelatedLocations.Length);
    }

    [Fact]
    public void Near_misses_other_values_other_groups_other_scope_and_other_mechanisms()
    {
        using var temp = new TempDirectory();
        var (result, _) = Lint.Marked(
            temp,
            ("1.json", SettingsCatalog("Base", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000001")),
            ("2.json", SettingsCatalog("Finance", Choice("requiresecuritydevice", "true"), GroupAssignment(Finance), id: "d0000000-0000-0000-0000-000000000002")),
            ("3.json", SettingsCatalog("User scope", Choice("requiresecuritydevice", "true", scope: "user"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000003")),
            ("4.json", Oma("Custom", "d0000000-0000-0000-0000-000000000004", OmaBoolean($"\"{DeviceUri("Policies/RequireSecurityDevice")}\"", "true"), GroupAssignment(Pilot))),
            ("5.json", Oma("PIN 6", "d0000000-0000-0000-0000-000000000005", OmaInteger(DeviceUri(MinPin), "6"), GroupAssignment(Pilot))),
            ("6.json", Oma("PIN 8", "d0000000-0000-0000-0000-000000000006", OmaInteger(DeviceUri(MinPin), "8"), GroupAssignment(Pilot))));

        // Settings Catalog + custom OMA-URI is PL1003's; 6 against 8 is PL2005's.
        Assert.Empty(result.Findings(RuleIds.DuplicateSetting));
        Assert.Single(result.Findings(RuleIds.ConflictingOmaUri));
    }

    [Fact]
    public void Custom_oma_uri_rows_are_compared_after_normalization_and_per_tenant()
    {
        using var temp = new TempDirectory();
        const string otherTenant = "0f0f0f0f-1111-4222-8333-444455556666";
        var (result, files) = Lint.Marked(
            temp,
            ("1.json", Oma("Device form", "d0000000-0000-0000-0000-000000000001", OmaInteger(DeviceUri(MinPin), "6"), AllDevices())),
            ("2.json", Oma("Short form", "d0000000-0000-0000-0000-000000000002", OmaInteger($"./vendor/msft/passportforwork/{{{TenantId.ToUpperInvariant()}}}/policies/pincomplexity/minimumpinlength", "[|6|]"), AllDevices())),
            ("3.json", Oma("Other tenant", "d0000000-0000-0000-0000-000000000003", OmaInteger($"./Device/Vendor/MSFT/PassportForWork/{otherTenant}/{MinPin}", "6"), AllDevices())));

        result.AssertFindingsAtMarks(RuleIds.DuplicateSetting, "2.json", files["2.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.DuplicateSetting));
        Assert.Contains("MinimumPINLength (device scope) is 6 in 2 custom OMA-URI profiles", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Intune does not evaluate", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Other tenant", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpos_count_when_their_links_overlap_in_the_same_section()
    {
        using var temp = new TempDirectory();
        var gpos = Report(
            GpoXml("WHfB - Domain", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use PIN Recovery", "Enabled"), links: Link("contoso.com")),
            GpoXml("WHfB - Workstations", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use PIN Recovery", "[|Enabled|]"), links: Link("contoso.com/Workstations")),
            GpoXml("WHfB - Sales users", "{5B4F2C1A-8D3E-4F6A-9B7C-0E1D2F3A4B5C}", userPolicies: Policy("Use PIN Recovery", "Enabled"), links: Link("contoso.com/Sales")));

        var (result, files) = Lint.Marked(temp, ("gpos.xml", gpos));

        result.AssertFindingsAtMarks(RuleIds.DuplicateSetting, "gpos.xml", files["gpos.xml"]);
        var finding = Assert.Single(result.Findings(RuleIds.DuplicateSetting));
        Assert.StartsWith("'Use PIN Recovery' (Computer Configuration) is true in 2 GPOs", finding.Message, StringComparison.Ordinal);
        Assert.Contains("link order", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sales users", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpos_in_sibling_ous_are_not_duplicates()
    {
        using var temp = new TempDirectory();
        var gpos = Report(
            GpoXml("A", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use PIN Recovery", "Enabled"), links: Link("contoso.com/Sales")),
            GpoXml("B", "{31B2F340-016D-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use PIN Recovery", "Enabled"), links: Link("contoso.com/Finance")));

        var (result, _) = Lint.Marked(temp, ("gpos.xml", gpos));

        Assert.Empty(result.Findings(RuleIds.DuplicateSetting));
    }

    [Fact]
    public void Unassigned_copies_form_a_pending_group_and_certain_groups_keep_their_own_finding()
    {
        using var temp = new TempDirectory();
        var (result, _) = Lint.Marked(
            temp,
            ("1.json", SettingsCatalog("Pilot A", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000001")),
            ("2.json", SettingsCatalog("Pilot B", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000002")),
            ("3.json", SettingsCatalog("Finance", Choice("requiresecuritydevice", "true"), GroupAssignment(Finance), id: "d0000000-0000-0000-0000-000000000003")),
            ("4.json", SettingsCatalog("Staging", Choice("requiresecuritydevice", "true"), Unassigned, id: "d0000000-0000-0000-0000-000000000004")));

        var findings = result.Findings(RuleIds.DuplicateSetting).ToDictionary(f => f.FilePath);
        Assert.Equal(2, findings.Count);
        Assert.Equal(Levels.Note, findings["2.json"].Level);
        Assert.Contains("certain overlap", findings["2.json"].Message, StringComparison.Ordinal);
        // Finance has no partner today; with the unassigned copy it is one pending group.
        var pending = findings["4.json"];
        Assert.Contains("'Staging' is not assigned yet", pending.Message, StringComparison.Ordinal);
        Assert.Contains("'Finance'", pending.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Pilot A'", pending.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Possible_overlap_says_so()
    {
        using var temp = new TempDirectory();
        var (result, _) = Lint.Marked(
            temp,
            ("1.json", SettingsCatalog("No assignments exported", Choice("requiresecuritydevice", "true"), id: "d0000000-0000-0000-0000-000000000001")),
            ("2.json", SettingsCatalog("Pilot", Choice("requiresecuritydevice", "true"), GroupAssignment(Pilot), id: "d0000000-0000-0000-0000-000000000002")));

        Assert.Contains("possible overlap", Assert.Single(result.Findings(RuleIds.DuplicateSetting)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_filter_included_on_both_sides_is_a_duplicate_and_included_against_excluded_is_not()
    {
        using var temp = new TempDirectory();
        var (both, _) = Lint.Marked(
            temp,
            ("a.json", SettingsCatalog("A", Choice("requiresecuritydevice", "true"), GroupWithFilter(Pilot, "include"), id: "d0000000-0000-0000-0000-000000000001")),
            ("b.json", SettingsCatalog("B", Choice("requiresecuritydevice", "true"), GroupWithFilter(Pilot, "include"), id: "d0000000-0000-0000-0000-000000000002")));
        Assert.Single(both.Findings(RuleIds.DuplicateSetting));

        using var other = new TempDirectory();
        var (split, _) = Lint.Marked(
            other,
            ("a.json", SettingsCatalog("A", Choice("requiresecuritydevice", "true"), GroupWithFilter(Pilot, "include"), id: "d0000000-0000-0000-0000-000000000001")),
            ("b.json", SettingsCatalog("B", Choice("requiresecuritydevice", "true"), GroupWithFilter(Pilot, "exclude"), id: "d0000000-0000-0000-0000-000000000002")));

        // No device matches a filter and its exclusion (issue 8; AssignmentOverlap.FiltersSeparate).
        Assert.Empty(split.Findings(RuleIds.DuplicateSetting));
    }
}

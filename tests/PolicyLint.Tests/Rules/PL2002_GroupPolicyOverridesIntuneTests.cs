using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;
using static PolicyLint.Tests.Support.GpoReports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2002_GroupPolicyOverridesIntuneTests
{
    [Fact]
    public void Fires_once_per_intune_profile_listing_each_shadowed_setting()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Hybrid Workstations", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled") + Policy("Use PIN Recovery", "Disabled"),
            links: Link("contoso.com/Workstations")));
        var intune = CustomOma("WHfB - Intune",
            OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "[|true|]") + ",\n"
            + OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery\"", "true"),
            GroupAssignment("aaaa0000-0000-0000-0000-000000000001"));

        var (result, files) = Lint.Marked(temp, ("gpo.xml", gpo), ("intune.json", intune));

        result.AssertFindingsAtMarks(RuleIds.GroupPolicyOverridesIntune, "intune.json", files["intune.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.GroupPolicyOverridesIntune));
        Assert.Contains("Group Policy (GPO 'WHfB - Hybrid Workstations')", finding.Message, StringComparison.Ordinal);
        Assert.Contains("UsePassportForWork (device scope) = true at intune.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("EnablePinRecovery (device scope) = true at intune.json(", finding.Message, StringComparison.Ordinal);
        Assert.Contains("possible overlap", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, finding.Severity); // possible overlap: one level below warning
    }

    [Fact]
    public void Fires_when_the_gpo_and_intune_set_different_nodes_and_sorts_unused_from_still_applying()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Domain", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled"),
            links: Link("contoso.com")));
        var intune = SettingsCatalog("WHfB - Intune",
            Choice("usecertificateforonpremauth", "true") + ",\n" + Choice("enablepinrecovery", "true"),
            AllDevices());

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo), ("intune.json", intune));

        // The GPO sets only UsePassportForWork; per node nothing collides. Mixing the channels is the finding.
        var finding = Assert.Single(result.Findings(RuleIds.GroupPolicyOverridesIntune));
        Assert.Equal("intune.json", finding.Diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("Unused (Group Policy decides): UseCertificateForOnPremAuth (device scope) = true", finding.Message, StringComparison.Ordinal);
        Assert.Contains("enablement and certificate trust come from Group Policy", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Still applies from Intune: EnablePinRecovery (device scope) = true", finding.Message, StringComparison.Ordinal);

        // Linked at the domain root, next to an Intune policy for All devices: certain overlap, the rule's own level.
        Assert.Contains("certain overlap", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void An_unassigned_intune_policy_next_to_a_linked_gpo_is_a_note_that_takes_effect_once_assigned()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Domain", "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            computerPolicies: Policy("Use Windows Hello for Business", "Enabled"), links: Link("contoso.com")));
        var intune = SettingsCatalog("WHfB - Baseline", Choice("enablepinrecovery", "true"), "[]");

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo), ("intune.json", intune));

        var finding = Assert.Single(result.Findings(RuleIds.GroupPolicyOverridesIntune));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, finding.Severity);
        Assert.Contains("takes effect once both are assigned to the same devices", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_the_gpo_is_not_linked()
    {
        using var temp = new TempDirectory();
        var gpo = Report(GpoXml("WHfB - Old", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", computerPolicies: Policy("Use Windows Hello for Business", "Enabled")));
        var intune = CustomOma("WHfB - Intune", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true"));

        var (result, _) = Lint.Marked(temp, ("gpo.xml", gpo), ("intune.json", intune));

        Assert.Empty(result.Findings(RuleIds.GroupPolicyOverridesIntune));
    }
}

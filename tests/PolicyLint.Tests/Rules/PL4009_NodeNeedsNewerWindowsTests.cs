using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Rules;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4009_NodeNeedsNewerWindowsTests
{
    private static readonly string CloudTrustRow = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "true");

    [Theory]
    [InlineData("10.0.19044.1288", "10.0.19044.1566")]
    [InlineData("10.0.19043.2364", "10.0.19044.1566")]
    [InlineData("10.0.22000.100", "10.0.22000.527")]
    [InlineData("10.0.18363", "10.0.19044.1566")]
    public void Fires_when_the_node_is_newer_than_the_oldest_build(string oldest, string required)
    {
        var diagnostic = Assert.Single(Run(CloudTrustRow, oldest));

        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticProperties.LevelOffset));
        var message = diagnostic.Message();
        Assert.Contains($"first exists in Windows {required}", message, StringComparison.Ordinal);
        Assert.Contains($"above minimumWindowsBuild {oldest}", message, StringComparison.Ordinal);
        Assert.Contains("UseCloudTrustForOnPremAuth (device scope) to true", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.19044.1566")]
    [InlineData("10.0.19045")]
    [InlineData("10.0.22000.527")]
    [InlineData("10.0.22621")]
    [InlineData("10.0.26100.1")]
    public void Does_not_fire_from_the_first_build_with_the_node(string oldest) =>
        Assert.Empty(Run(CloudTrustRow, oldest));

    [Fact]
    public void Is_silent_without_a_minimum_build_and_for_a_value_equal_to_the_default()
    {
        Assert.Empty(Run(CloudTrustRow, oldest: null));
        var off = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth\"", "false");
        Assert.Empty(Run(off, "10.0.18363"));
    }

    [Fact]
    public void A_build_without_revision_of_the_listed_release_is_told_to_give_the_revision()
    {
        var diagnostic = Assert.Single(Run(CloudTrustRow, "10.0.19044"));

        Assert.Contains("gives no revision", diagnostic.Message(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.22000.2000", true)]
    [InlineData("10.0.22621.3000", true)]
    [InlineData("10.0.22621.3374", false)]
    [InlineData("10.0.20348.2402", false)]
    [InlineData("10.0.19041.4239", false)]
    public void Compares_a_node_with_one_minimum_per_release_within_the_release(string oldest, bool fires)
    {
        var row = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/DisablePostLogonProvisioning\"", "true");

        var diagnostics = Run(row, oldest).Where(d => d.Id == RuleIds.NodeNeedsNewerWindows).ToList();

        Assert.Equal(fires ? 1 : 0, diagnostics.Count);
        if (fires)
        {
            Assert.Contains("one minimum per release", diagnostics[0].Message(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_insider_only_node_is_always_a_note_at_its_oma_uri()
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Security keys", OmaBoolean($"[|\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnableWindowsHelloProvisioningForSecurityKeys\"|]", "true"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.NodeNeedsNewerWindows, "oma.json", files["oma.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.NodeNeedsNewerWindows));
        Assert.Equal(Levels.Note, finding.Level);
        Assert.Contains("exists only in Windows Insider builds", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_insider_only_note_stays_a_note_under_a_configured_level()
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", CustomOma("Security keys", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnableWindowsHelloProvisioningForSecurityKeys\"", "true")));
        temp.Write(".policylint.yml", "rules:\n  PL4009: error\n");

        var run = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Contains("note PL4009", run.Console.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void An_insider_only_node_set_to_its_default_is_not_reported()
    {
        var row = OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnableWindowsHelloProvisioningForSecurityKeys\"", "false");

        Assert.Empty(Run(row, oldest: null));
    }

    [Fact]
    public void The_catalogue_compares_builds_within_a_listed_release_and_otherwise_with_the_oldest()
    {
        var node = PassportForWorkCatalog.DisablePostLogonProvisioning;

        Assert.Equal(new Version(10, 0, 22000, 2899), node.MinimumBuildMissingOn(new Version(10, 0, 22000, 1)));
        Assert.Null(node.MinimumBuildMissingOn(new Version(10, 0, 22631, 1)));
        Assert.Equal(new Version(10, 0, 19041, 4239), node.MinimumBuildMissingOn(new Version(10, 0, 18363, 9999)));
        Assert.Null(PassportForWorkCatalog.CloudKerberosTicketRetrievalEnabled.MinimumBuildMissingOn(new Version(10, 0, 10240)));
        Assert.True(PassportForWorkCatalog.DisablePostLogonCredentialCaching.IsInsiderOnly);
        Assert.Equal("Insider", PassportForWorkCatalog.DisablePostLogonCredentialCaching.MinimumOs);
    }

    private static List<Microsoft.CodeAnalysis.Diagnostic> Run(string rows, string? oldest)
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", CustomOma("WHfB", rows));
        var policy = Lint.Paths(temp.Path, temp.Path).Policy;
        var facts = new TenantFacts { MinimumWindowsBuild = oldest is null ? null : Version.Parse(oldest) };
        return [.. new AnalysisDriver([new PL4009_NodeNeedsNewerWindows()]).Run(policy, facts)];
    }
}

using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Configuration;

public sealed class PolicyLintConfigTests
{
    private static readonly string Placeholder = CustomOma("Placeholder", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true"));

    [Fact]
    public void Tenant_folders_keep_policies_of_different_tenants_from_overlapping()
    {
        using var temp = new TempDirectory();
        temp.Write("contoso/cert.json", SettingsCatalog("Cert", Choice("usecertificateforonpremauth", "true"), id: "c0ffee00-0000-0000-0000-000000000001"));
        temp.Write("fabrikam/cloud.json", SettingsCatalog("Cloud", Choice("usecloudtrustforonpremauth", "true"), id: "c0ffee00-0000-0000-0000-000000000002"));

        var together = TestConsole.Run(temp.Path, "lint", ".");
        temp.Write(".policylint.yml", "tenants:\n  - contoso\n  - fabrikam\n");
        var apart = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Contains("PL3001", together.Console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("PL3001", apart.Console.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, apart.ExitCode);
    }

    [Fact]
    public void Rule_levels_change_severity_or_turn_a_rule_off()
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", Placeholder);
        temp.Write(".policylint.yml", "rules:\n  PL4001: warning\n");

        var downgraded = TestConsole.Run(temp.Path, "lint", ".");
        temp.Write(".policylint.yml", "rules:\n  PL4001: none\n");
        var off = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Equal(0, downgraded.ExitCode);
        Assert.Contains("warning PL4001", downgraded.Console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("PL4001", off.Console.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_needs_a_justification_and_stops_at_its_expiry()
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", Placeholder);
        temp.Write(".policylint.yml", "suppressions:\n  - rule: PL4001\n    path: oma.json\n");
        var unjustified = TestConsole.Run(temp.Path, "lint", ".");
        temp.Write(".policylint.yml", "suppressions:\n  - rule: PL4001\n    path: oma.json\n    justification: Filled in at release\n    expiresOn: 2999-01-01\n");
        var active = TestConsole.Run(temp.Path, "lint", ".");
        temp.Write(".policylint.yml", "suppressions:\n  - rule: PL4001\n    path: oma.json\n    justification: Filled in at release\n    expiresOn: 2020-01-01\n");
        var expired = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Equal(2, unjustified.ExitCode);
        Assert.Matches(@"\.policylint\.yml\(2,5\): the suppression of PL4001 needs a 'justification'", unjustified.Console.StdErr);
        Assert.Equal(0, active.ExitCode);
        Assert.EndsWith("in 1 file (1 suppressed)", active.Console.StdOut.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, expired.ExitCode);
        Assert.Contains("the suppression of PL4001 expired on 2020-01-01", expired.Console.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules: [unclosed", "invalid YAML")]
    [InlineData("rules:\n  PL4001: loud\n", "level 'loud' for PL4001")]
    [InlineData("colour: blue\n", "unknown key 'colour'")]
    [InlineData("suppressions:\n  - rule: PL4001\n    justification: x\n    expiresOn: soon\n", "expiresOn 'soon'")]
    public void A_bad_configuration_is_a_usage_error_naming_file_line_and_problem(string yaml, string expected)
    {
        using var temp = new TempDirectory();
        temp.Write("oma.json", Placeholder);
        temp.Write(".policylint.yml", yaml);

        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Equal(2, exit);
        Assert.Matches(@"\.policylint\.yml\(\d+,\d+\): ", console.StdErr);
        Assert.Contains(expected, console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_beside_the_linted_folder_is_found()
    {
        var result = TestConsole.Run(RepoPaths.Root, "lint", "samples", "--verbose");

        Assert.Contains($"using configuration {Path.Combine(RepoPaths.Samples, ".policylint.yml")}", result.Console.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("samples/clean", result.Console.StdOut, StringComparison.Ordinal);
        Assert.Single(Lint.Paths(RepoPaths.Root, "samples/intune").Findings(RuleIds.CertificateTrustOverridesCloudTrust));
    }
}

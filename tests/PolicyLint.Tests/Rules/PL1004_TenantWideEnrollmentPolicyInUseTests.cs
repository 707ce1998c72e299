using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL1004_TenantWideEnrollmentPolicyInUseTests
{
    [Theory]
    [InlineData("enabled", "turns Windows Hello for Business on")]
    [InlineData("disabled", "turns Windows Hello for Business off")]
    public void Fires_at_the_state_of_a_configured_tenant_wide_policy(string state, string expected)
    {
        using var temp = new TempDirectory();

        var (result, files) = Lint.Marked(temp, ("wide.json", TenantWide($"[|\"{state}\"|]")));

        result.AssertFindingsAtMarks(RuleIds.TenantWideEnrollmentPolicyInUse, "wide.json", files["wide.json"]);
        var message = Assert.Single(result.Findings(RuleIds.TenantWideEnrollmentPolicyInUse)).Message;
        Assert.Contains($"{expected} (state {state})", message, StringComparison.Ordinal);
        Assert.Contains("set this policy to Not configured", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_when_the_policy_is_not_configured_and_reads_none_of_its_values()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.Marked(temp, ("wide.json", TenantWide("\"notConfigured\"")));

        Assert.Empty(result.Findings(RuleIds.TenantWideEnrollmentPolicyInUse));
        var source = Assert.Single(result.Files.SelectMany(f => f.Sources));
        Assert.Empty(source.Settings);
    }
}

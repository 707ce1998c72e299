using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL1004_TenantWideEnrollmentPolicyInUseTests
{
    [Fact]
    public void Fires_at_the_state_of_an_enabled_tenant_wide_policy_and_advises_disabled()
    {
        using var temp = new TempDirectory();

        var (result, files) = Lint.Marked(temp, ("wide.json", TenantWide("[|\"enabled\"|]")));

        result.AssertFindingsAtMarks(RuleIds.TenantWideEnrollmentPolicyInUse, "wide.json", files["wide.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.TenantWideEnrollmentPolicyInUse));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("turns Windows Hello for Business on (state enabled)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set this policy to Disabled", finding.Message, StringComparison.Ordinal);
        Assert.Contains("MinimumPINLength", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Not configured", finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("notConfigured")]
    public void Does_not_fire_for_the_recommended_disabled_state_or_not_configured(string state)
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.Marked(temp, ("wide.json", TenantWide($"\"{state}\"")));

        Assert.Empty(result.Findings(RuleIds.TenantWideEnrollmentPolicyInUse));
    }

    [Fact]
    public void Reads_none_of_the_values_of_a_not_configured_policy()
    {
        using var temp = new TempDirectory();

        var (result, _) = Lint.Marked(temp, ("wide.json", TenantWide("\"notConfigured\"")));

        var source = Assert.Single(result.Files.SelectMany(f => f.Sources));
        Assert.Empty(source.Settings);
    }
}

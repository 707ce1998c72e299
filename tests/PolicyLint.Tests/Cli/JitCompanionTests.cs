using PolicyLint.Cli;

namespace PolicyLint.Tests.Cli;

/// <summary>Which command lines the native tool hands to the JIT build it ships beside it.</summary>
public sealed class JitCompanionTests
{
    [Theory]
    [InlineData("lint", "samples", "--rules", "rules")]
    [InlineData("lint", "samples", "--rules=rules")]
    [InlineData("lint", "samples", "--rules:rules")]
    [InlineData("baseline", "samples", "-o", "b.sarif", "--rules", "rules")]
    [InlineData("rules", "--rules", "rules")]
    [InlineData("explain", "ORG1001", "--rules", "rules")]
    [InlineData("pull", "--tenant", "contoso.onmicrosoft.com", "--out", "export")]
    [InlineData("lint", "--tenant", "contoso.onmicrosoft.com")]
    [InlineData("lint", "--tenant=contoso.onmicrosoft.com")]
    public void Custom_rules_and_the_graph_client_go_to_the_jit_build(params string[] args)
    {
        Assert.True(JitCompanion.Needed(args));
    }

    [Theory]
    [InlineData("lint", "samples")]
    [InlineData("lint", "samples", "--format", "sarif=out.sarif", "--fail-on", "warning")]
    [InlineData("lint", "--rulesets")]
    [InlineData("lint", "--", "--rules")]
    [InlineData("show", "samples", "--tenant")]
    [InlineData("rules")]
    [InlineData("--version")]
    [InlineData]
    public void Everything_else_runs_in_the_native_program(params string[] args)
    {
        Assert.False(JitCompanion.Needed(args));
    }

    [Fact]
    public void The_test_host_is_not_native()
    {
        Assert.False(JitCompanion.IsNative);
    }
}

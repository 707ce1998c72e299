using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Rules;

/// <summary>Each sample folder shows exactly the findings samples/README.md promises; every rule fires somewhere.</summary>
public sealed class SampleTests
{
    /// <summary>Folder under samples/ and the rule ids (with repeats) expected when it is linted alone.</summary>
    public static TheoryData<string, string[]> Expected() => new()
    {
        { "intune", ["PL2001", "PL3001", "PL4001", "PL4002", "PL4003", "PL5001"] },
        { "clean", [] },
        { "gpo", ["PL2002", "PL2002", "PL2003", "PL2006", "PL2006", "PL3002"] },
        { "intune-forms", ["PL1001", "PL1002", "PL1004", "PL1005", "PL5001"] },
        { "pin", ["PL4006", "PL4007", "PL5001", "PL5002"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Sample_folder_fires_exactly_the_expected_rules(string folder, string[] expectedIds)
    {
        var result = Lint.Paths(RepoPaths.Root, Path.Combine("samples", folder));

        Assert.True(result.HasReadableInput);
        Assert.Equal(expectedIds.Order(), result.Diagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void Every_rule_fires_in_the_samples()
    {
        // As the CLI lints them: samples/.policylint.yml makes each folder its own tenant. Linted as one tenant, the clean
        // tenant's All-devices profile (RequireSecurityDevice true, minimum PIN length 6) would cover every other
        // folder's devices, and PL5001/PL5002 rightly say nothing.
        var config = PolicyLint.Configuration.PolicyLintConfig.Load(Path.Combine(RepoPaths.Samples, ".policylint.yml"));
        var fired = Lint.Engine().Lint(["samples"], RepoPaths.Root, config).Diagnostics.Select(d => d.Id).ToHashSet();
        var rules = Lint.BuiltInAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id);

        Assert.All(rules, id => Assert.Contains(id, fired));
    }

    [Fact]
    public void Every_sample_folder_is_described_in_the_samples_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Samples, "README.md"));
        foreach (var folder in Directory.GetDirectories(RepoPaths.Samples).Select(Path.GetFileName))
        {
            Assert.Contains($"`{folder}/", readme, StringComparison.Ordinal);
        }
    }
}

using Xunit.Abstractions;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.GroupPolicy;

/// <summary>Every real GPO file in ../shared/corpus/real/gpo reads without error (skips when ../shared is absent).</summary>
public sealed class GpoCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_real_gpo_file_reads_without_error()
    {
        if (RepoPaths.Shared is not { } shared)
        {
            // xUnit 2 has no dynamic skip: say why nothing was checked.
            output.WriteLine("skipped: ../shared is not beside the checkout, so the real GPO corpus is not available");
            return;
        }

        var folder = Path.Combine(shared, "corpus", "real", "gpo");
        var result = Lint.Paths(folder, ".");

        Assert.NotEmpty(result.Files);
        Assert.All(result.Files, f => Assert.False(f.HasErrors, string.Join("\n", f.Problems)));
        Assert.All(result.Files, f => Assert.NotNull(f.Format));

        // The DoD STIG GPO sets "Use a hardware security device" and a minimum PIN length; it is not linked in the report.
        var report = result.Files.Single(f => f.FilePath.EndsWith(".xml", StringComparison.Ordinal));
        var source = Assert.Single(report.Sources);
        Assert.Contains(source.Settings, s => s.Node?.Name == "RequireSecurityDevice" && s.Value.IsTrue);
        Assert.Contains(source.Settings, s => s.Node?.Name == "MinimumPINLength" && s.Value.IntegerValue == 6);
        Assert.All(source.Settings, s => Assert.Equal("the GPO is not linked to any site, domain or OU", s.NotAppliedReason));
    }
}

using PolicyLint.Tests.Corpus;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.GroupPolicy;

/// <summary>Every real GPO file in ../shared/corpus/real/gpo reads without error (skips when ../shared is absent).</summary>
public sealed class GpoCorpusTests
{
    [CorpusFact]
    public void Every_real_gpo_file_reads_without_error()
    {
        var folder = Path.Combine(CorpusTests.CorpusRoot!, "gpo");
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

using BenchmarkDotNet.Attributes;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Ten times the profiles must cost at most twelve times the time (issue 11): the synthetic tenant at 200 and 2,000
/// profiles, linted in memory. The 2,000 and 20,000 steps are measured on the installed CLI reading a folder
/// (tests/PolicyLint.Benchmarks/scripts/measure-cli.sh), where 20,000 profiles are a gigabyte.
/// </summary>
[MemoryDiagnoser]
public class LintScalingBenchmarks
{
    private List<(string Name, byte[] Bytes)> _files = [];
    private LintEngine _engine = null!;

    [Params(200, 2000)]
    public int Profiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticTenant.Generate(Profiles);
        _engine = new LintEngine(Rules.BuiltInRules.All);
    }

    [Benchmark(Description = "policylint lint, in memory")]
    public int Lint() =>
        _engine.Run(InputSet.FromDocuments(_files.Select(f => InputDocument.FromBytes(f.Name, f.Bytes))), PolicyLintConfig.Empty).Findings.Length;
}

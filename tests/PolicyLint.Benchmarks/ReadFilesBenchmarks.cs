using BenchmarkDotNet.Attributes;
using PolicyLint.Input;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Reading a folder of exports one file after another against reading them in parallel, with the prefilter as a run
/// of this size uses it: the evidence behind the engine reading sequentially (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class ReadFilesBenchmarks
{
    private List<InputUnit> _units = [];
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "policylint-bench", "read-2000");
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        SyntheticTenant.WriteTo(_folder, 2000);
        _units = InputCollector.Collect([_folder], _folder).Inputs.OfType<CollectedUnit>().Select(u => u.Unit).ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int Sequential() => _units.Select(ReadStage.AlwaysPrefilter.Read).Sum(r => r.Sources.Length);

    [Benchmark]
    public int Parallel()
    {
        var results = new ReadResult[_units.Count];
        System.Threading.Tasks.Parallel.For(0, _units.Count, i => results[i] = ReadStage.AlwaysPrefilter.Read(_units[i]));
        return results.Sum(r => r.Sources.Length);
    }
}

using BenchmarkDotNet.Attributes;
using PolicyLint.Analysis;
using PolicyLint.Input;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Reading a folder of exports one file after another against reading them in parallel: the evidence behind the
/// engine reading sequentially (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class ReadFilesBenchmarks
{
    private LintEngine _engine = null!;
    private List<CollectedFile> _files = [];
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "policylint-bench", "read-1000");
        Directory.CreateDirectory(_folder);
        foreach (var (name, bytes) in SyntheticTenant.Generate(1000))
        {
            File.WriteAllBytes(Path.Combine(_folder, name), bytes);
        }

        _files = InputCollector.Collect([_folder], _folder, out _).OfType<CollectedFile>().ToList();
        _engine = new LintEngine(LintEngine.DefaultReaders, []);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int Sequential() => _files.Select(_engine.ReadFile).Sum(r => r.Sources.Count);

    [Benchmark]
    public int Parallel()
    {
        var results = new ReadResult[_files.Count];
        System.Threading.Tasks.Parallel.For(0, _files.Count, i => results[i] = _engine.ReadFile(_files[i]));
        return results.Sum(r => r.Sources.Count);
    }
}

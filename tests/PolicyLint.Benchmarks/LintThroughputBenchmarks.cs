using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Linting the synthetic tenant (<see cref="SyntheticTenant"/>) against the floor issue 11 sets: a single-threaded
/// System.Text.Json parse of the same bytes. In memory (documents already loaded, as a tenant pull gives them) and
/// from a folder on disk (what <c>policylint lint &lt;folder&gt;</c> does: collect, read files, lint), each next to
/// the parse of the same input, so the ratios come from one run.
/// </summary>
[MemoryDiagnoser]
public class LintThroughputBenchmarks
{
    private List<(string Name, byte[] Bytes)> _files = [];
    private List<string> _paths = [];
    private LintEngine _engine = null!;
    private LintEngine _engineWithoutPrefilter = null!;
    private string _folder = string.Empty;

    [Params(2000)]
    public int Profiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticTenant.Generate(Profiles);
        _engine = new LintEngine(Rules.BuiltInRules.All);
        _engineWithoutPrefilter = new LintEngine(ReadStage.WithoutPrefilter, Rules.BuiltInRules.All);
        _folder = Path.Combine(Path.GetTempPath(), "policylint-bench", $"throughput-{Profiles}");
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        SyntheticTenant.WriteTo(_folder, Profiles);
        _paths = [.. Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        Console.WriteLine($"// {Profiles} profiles: {_files.Count} files, {_files.Sum(f => (long)f.Bytes.Length):N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "System.Text.Json parse, in memory (floor)")]
    public int ParseInMemory()
    {
        var count = 0;
        foreach (var (_, bytes) in _files)
        {
            count += Parse(bytes);
        }

        return count;
    }

    [Benchmark(Description = "policylint lint, in memory")]
    public int LintInMemory() => _engine.Run(Documents(), PolicyLintConfig.Empty).Findings.Length;

    [Benchmark(Description = "policylint lint, in memory, no prefilter")]
    public int LintInMemoryWithoutPrefilter() => _engineWithoutPrefilter.Run(Documents(), PolicyLintConfig.Empty).Findings.Length;

    [Benchmark(Description = "System.Text.Json parse, files from disk")]
    public int ParseFolder()
    {
        var count = 0;
        foreach (var path in _paths)
        {
            count += Parse(File.ReadAllBytes(path));
        }

        return count;
    }

    [Benchmark(Description = "policylint lint <folder>")]
    public int LintFolder() => _engine.Lint([_folder], _folder).Findings.Length;

    [Benchmark(Description = "policylint lint <folder>, no prefilter")]
    public int LintFolderWithoutPrefilter() => _engineWithoutPrefilter.Lint([_folder], _folder).Findings.Length;

    private InputSet Documents() => InputSet.FromDocuments(_files.Select(f => InputDocument.FromBytes(f.Name, f.Bytes)));

    private static int Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array ? root.GetArrayLength() : root.EnumerateObject().Count();
    }
}

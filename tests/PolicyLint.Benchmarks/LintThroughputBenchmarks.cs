using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Reading, resolving and linting a synthetic tenant export held in memory, next to plain System.Text.Json parsing
/// of the same bytes (the floor: no tool that reads every byte can be faster than parsing them).
/// </summary>
[MemoryDiagnoser]
public class LintThroughputBenchmarks
{
    private List<(string Name, byte[] Bytes)> _files = [];
    private LintEngine _engine = null!;

    [Params(100, 1000)]
    public int Profiles { get; set; }

    /// <summary>Total bytes of the export, for MB/s: divide by the mean time.</summary>
    public long TotalBytes { get; private set; }

    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticTenant.Generate(Profiles);
        TotalBytes = _files.Sum(f => (long)f.Bytes.Length);
        _engine = new LintEngine(Rules.BuiltInRules.All);
        _folder = Path.Combine(Path.GetTempPath(), "policylint-bench", Profiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SyntheticTenant.WriteTo(_folder, Profiles);

        Console.WriteLine($"// {Profiles} profiles, {TotalBytes:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "System.Text.Json parse (floor)")]
    public int ParseOnly()
    {
        var count = 0;
        foreach (var (_, bytes) in _files)
        {
            using var document = JsonDocument.Parse(bytes);
            count += document.RootElement.GetArrayLength_Or_PropertyCount();
        }

        return count;
    }

    [Benchmark(Description = "policylint lint (read + resolve + rules)")]
    public int Lint()
    {
        var inputs = InputSet.FromDocuments(_files.Select(f => InputDocument.FromBytes(f.Name, f.Bytes)));
        return _engine.Run(inputs, PolicyLintConfig.Empty).Findings.Length;
    }

    [Benchmark(Description = "policylint lint <folder> (files from disk)")]
    public int LintFolder() => _engine.Lint([_folder], _folder).Findings.Length;
}

internal static class JsonElementExtensions
{
    public static int GetArrayLength_Or_PropertyCount(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : element.EnumerateObject().Count();
}

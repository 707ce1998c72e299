using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Output;
using PolicyLint.Pipeline;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Writing the finalized report of a synthetic tenant (as <see cref="LintThroughputBenchmarks"/> lints it) as HTML,
/// next to JSON (the plainest format), into a UTF-8 stream that discards the bytes: the cost of formatting alone.
/// </summary>
[MemoryDiagnoser]
public class ReportWriterBenchmarks
{
    private LintReport _report = null!;

    [Params(100, 2000)]
    public int Profiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = SyntheticTenant.Generate(Profiles);
        var inputs = InputSet.FromDocuments(files.Select(f => InputDocument.FromBytes(f.Name, f.Bytes)));
        _report = new LintEngine(Rules.BuiltInRules.All).Run(inputs, PolicyLintConfig.Empty);
        Console.WriteLine($"// {Profiles} profiles, {_report.Findings.Length:N0} findings");
    }

    [Benchmark(Baseline = true, Description = "json")]
    public void Json() => Write(new JsonReportWriter());

    [Benchmark(Description = "html")]
    public void Html() => Write(new HtmlReportWriter());

    private void Write(IReportWriter writer)
    {
        using var output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 64 * 1024);
        writer.Write(_report, output);
    }
}

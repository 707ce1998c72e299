using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyLint.Intune;
using PolicyLint.Json;

namespace PolicyLint.Benchmarks;

/// <summary>
/// How the read stage's prefilter searches, measured on the synthetic tenant against a System.Text.Json parse of the
/// same bytes: the anchored search PolicyLint uses (<see cref="JsonPrefilter"/>), one case-insensitive
/// <see cref="SearchValues{T}"/> of every marker and suspect spot (the first version), and byte-level
/// <c>IndexOf</c> of each marker over UTF-8 (a pass per marker, and case-sensitive, so a lower bound for that
/// approach). All three return how many files must be parsed.
/// </summary>
[MemoryDiagnoser]
public class PrefilterBenchmarks
{
    private List<(string Name, byte[] Bytes)> _files = [];
    private JsonPrefilter _prefilter = null!;
    private SearchValues<string> _everyString = null!;
    private byte[][] _markerBytes = [];

    [Params(2000)]
    public int Profiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticTenant.Generate(Profiles);
        _prefilter = new IntuneJsonReader(IntuneJsonReader.DefaultObjectReaders).Prefilter;
        var markers = _prefilter.Markers.Select(m => m.Text).ToArray();
        _everyString = SearchValues.Create([.. markers, "\"{", "\"[", "\" ", "\"\\", "\\u"], StringComparison.OrdinalIgnoreCase);
        _markerBytes = [.. markers.Select(Encoding.UTF8.GetBytes)];
        Console.WriteLine($"// anchors: {string.Join(" | ", _prefilter.Anchors)}");
        Console.WriteLine($"// files to parse: {Anchored()} of {_files.Count}");
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json parse")]
    public int Parse()
    {
        var count = 0;
        foreach (var (_, bytes) in _files)
        {
            using var document = JsonDocument.Parse(bytes);
            count += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "prefilter: anchors, searches of <= 8 strings (PolicyLint)")]
    public int Anchored()
    {
        var count = 0;
        foreach (var (name, bytes) in _files)
        {
            count += _prefilter.MustParse(bytes, name) ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "one SearchValues<string> of markers and suspects, decoded text")]
    public int OneSearch()
    {
        var count = 0;
        var chars = ArrayPool<char>.Shared.Rent(1 << 20);
        foreach (var (_, bytes) in _files)
        {
            var text = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
            count += text.IndexOfAny(_everyString) >= 0 ? 1 : 0;
        }

        ArrayPool<char>.Shared.Return(chars);
        return count;
    }

    [Benchmark(Description = "byte IndexOf per marker over UTF-8 (case-sensitive)")]
    public int BytePerMarker()
    {
        var count = 0;
        foreach (var (_, bytes) in _files)
        {
            foreach (var marker in _markerBytes)
            {
                if (bytes.AsSpan().IndexOf(marker) >= 0)
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }
}

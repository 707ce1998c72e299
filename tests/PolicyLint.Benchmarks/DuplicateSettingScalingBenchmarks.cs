using System.Globalization;
using BenchmarkDotNet.Attributes;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;
using PolicyLint.Rules;

namespace PolicyLint.Benchmarks;

/// <summary>
/// PL2004 (DuplicateSetting) as the number of copies of one value grows: every profile sets MinimumPINLength, most to
/// the same value, on a handful of shared groups plus All devices, so nearly every setting duplicates nearly every
/// other. Comparing every pair would grow as n squared; the grouping (node, scope, kind, value), the overlap index and
/// union-find keep it near n log n, and the findings stay one per group, not one per pair.
/// </summary>
[MemoryDiagnoser]
public class DuplicateSettingScalingBenchmarks
{
    private EffectivePolicy _policy = null!;
    private AnalysisDriver _driver = null!;

    [Params(1_000, 10_000, 50_000)]
    public int Profiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var sources = new List<PolicySource>(Profiles);
        for (var i = 0; i < Profiles; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var kind = i % 3 == 0 ? SourceKind.CustomOmaUri : SourceKind.SettingsCatalog;
            var file = SourceLocation.ForFile($"p{id}.json");
            var source = new PolicySourceBuilder(kind, $"Profile {id}", file) { Id = id };
            if (i % 50 == 0)
            {
                source.AddAssignment(new Assignment(AssignmentTargetKind.AllDevices));
            }
            else
            {
                // Few groups, many profiles each: the worst case for pairs, the common case in a drifted tenant.
                source.AddAssignment(new Assignment(AssignmentTargetKind.Group, GroupId: $"group-{random.Next(20)}"));
            }

            var value = random.Next(10) == 0 ? 8 : 6;
            var written = kind == SourceKind.CustomOmaUri
                ? PassportForWorkCatalog.MinimumPinLength.OmaUri(PolicyScope.Device, "9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a")
                : "device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_minimumpinlength";
            source.Add(new PolicySetting(PassportForWorkCatalog.MinimumPinLength, PolicyScope.Device, PolicyValue.FromInteger(value), written, file));
            sources.Add(source.Build());
        }

        _policy = EffectivePolicyResolver.Resolve(sources);
        _driver = new AnalysisDriver([new PL2004_DuplicateSetting()]);
    }

    [Benchmark(Description = "PL2004 on one node, n copies")]
    public int Analyze() => _driver.Run(_policy).Length;
}

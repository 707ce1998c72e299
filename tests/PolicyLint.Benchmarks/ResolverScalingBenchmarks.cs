using BenchmarkDotNet.Attributes;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Conflict and shadowing detection as the number of settings on one node grows: with hashed target indexes the
/// cost grows as n log n (the sort), not n squared (every pair).
/// </summary>
[MemoryDiagnoser]
public class ResolverScalingBenchmarks
{
    private List<PolicySource> _sources = [];

    [Params(1_000, 10_000, 100_000)]
    public int Settings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _sources = new List<PolicySource>(Settings);
        for (var i = 0; i < Settings; i++)
        {
            var source = new PolicySourceBuilder(SourceKind.SettingsCatalog, $"Profile {i}", SourceLocation.ForFile($"p{i}.json")) { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            source.AddAssignment(new Assignment(AssignmentTargetKind.Group, GroupId: $"group-{random.Next(Settings / 4 + 1)}"));
            var scope = i % 5 == 0 ? PolicyScope.User : PolicyScope.Device;
            source.Add(new PolicySetting(PassportForWorkCatalog.MinimumPinLength, scope, PolicyValue.FromInteger(4 + random.Next(4)), "min", SourceLocation.ForFile($"p{i}.json")));
            _sources.Add(source.Build());
        }
    }

    [Benchmark]
    public int Resolve()
    {
        var policy = EffectivePolicyResolver.Resolve(_sources);
        return policy.Nodes.Sum(n => n.Conflicts.Count + n.Shadowed.Count);
    }
}

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Model;
using PolicyLint.Pipeline;
using PolicyLint.Resolution;

namespace PolicyLint.Benchmarks;

/// <summary>
/// Every built-in rule together on the synthetic tenant at 500 and 5,000 profiles (issue 8: all rules stay
/// near-linear). Three cuts of the same work: the whole lint in memory (read, reconcile, resolve, analyze, finalize),
/// resolve + analyze from already reconciled sources, and analyze alone on already resolved policies, so a rule that
/// pairs settings shows up without the read stage (which dominates) hiding it. Every tenant fact is set (trust model,
/// join type, federation, minimum build), so rules that stay silent without one do their work here.
/// </summary>
[MemoryDiagnoser]
public class AllRulesScalingBenchmarks
{
    private List<(string Name, byte[] Bytes)> _files = [];
    private LintEngine _engine = null!;
    private AnalysisDriver _driver = null!;
    private AnalysisDriver _driverWithoutPl1002 = null!;
    private ImmutableArray<ReadResult> _read;
    private List<IReadOnlyList<PolicySource>> _tenantSources = [];
    private List<EffectivePolicy> _policies = [];
    private List<TenantFacts> _facts = [];
    private PolicyLintConfig _config = PolicyLintConfig.Empty;

    [Params(500, 5000)]
    public int Profiles { get; set; }

    /// <summary>Facts a configured tenant has, so every rule that needs one runs.</summary>
    public static TenantFacts KnownTenant { get; } = new()
    {
        TenantId = "9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a",
        Cloud = "public",
        ExpectedTrustModel = TrustModel.CloudKerberos,
        JoinType = JoinType.Both,
        Federated = true,
        FederationHosts = ["adfs.contoso.com"],
        MinimumWindowsBuild = new Version(10, 0, 19045),
    };

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticTenant.Generate(Profiles);
        _engine = new LintEngine(Rules.BuiltInRules.All);
        _driver = new AnalysisDriver(Rules.BuiltInRules.All);
        _driverWithoutPl1002 = new AnalysisDriver([.. Rules.BuiltInRules.All.Where(r => !r.GetType().Name.StartsWith("PL1002", StringComparison.Ordinal))]);
        var reconciled = Reconciler.Reconcile(ReadStage.Default.Read(Documents()), _config);
        _read = reconciled.Files;
        _tenantSources = [.. reconciled.Tenants.Select(t => (IReadOnlyList<PolicySource>)t.Sources)];
        _policies = [.. _tenantSources.Select(EffectivePolicyResolver.Resolve)];
        _facts = [.. _tenantSources.Select(_ => KnownTenant)];
        var findings = _driver.Analyze(_read, _policies, _facts);
        Console.WriteLine($"// {Profiles} profiles: {_files.Count} files, {_files.Sum(f => (long)f.Bytes.Length):N0} bytes, "
            + $"{_tenantSources.Sum(s => s.Count):N0} WHfB sources, {_policies.Sum(p => p.Nodes.Sum(n => n.Settings.Count)):N0} settings, "
            + $"{findings.Length:N0} findings from {_driver.Rules.Length} rules: "
            + string.Join(", ", findings.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Benchmark(Description = "lint in memory (read, resolve, analyze, finalize)")]
    public int Lint() => _engine.Run(Documents(), _config).Findings.Length;

    [Benchmark(Description = "resolve + analyze (all rules)")]
    public int ResolveAndAnalyze()
    {
        var policies = new List<EffectivePolicy>(_tenantSources.Count);
        foreach (var sources in _tenantSources)
        {
            policies.Add(EffectivePolicyResolver.Resolve(sources));
        }

        return _driver.Analyze(_read, policies, _facts).Length;
    }

    [Benchmark(Description = "analyze (all rules)")]
    public int Analyze() => _driver.Analyze(_read, _policies, _facts).Length;

    /// <summary>PL1002 pairs every deprecated profile with every current one (docs/performance.md): analysis without it.</summary>
    [Benchmark(Description = "analyze (all rules but PL1002)")]
    public int AnalyzeWithoutPl1002() => _driverWithoutPl1002.Analyze(_read, _policies, _facts).Length;

    private InputSet Documents() => InputSet.FromDocuments(_files.Select(f => InputDocument.FromBytes(f.Name, f.Bytes)));
}

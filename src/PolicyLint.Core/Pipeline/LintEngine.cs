using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Output;
using PolicyLint.Resolution;

namespace PolicyLint.Pipeline;

/// <summary>
/// The pipeline, one stage after another, each a function from one immutable result to the next:
/// collect -> read -> reconcile -> resolve -> analyze -> finalize. Writers then format the report.
/// </summary>
public sealed class LintEngine
{
    private readonly ReadStage _read;
    private readonly AnalysisDriver _driver;

    public LintEngine(IReadOnlyList<PolicyAnalyzer> analyzers)
        : this(ReadStage.Default, analyzers)
    {
    }

    /// <param name="analyzers">Every rule to run: the built-in ones, then any custom ones.</param>
    /// <param name="ruleFiles">For custom rules (<c>lint --rules</c>): the file each was compiled from, as findings show it.</param>
    public LintEngine(IReadOnlyList<PolicyAnalyzer> analyzers, IReadOnlyDictionary<PolicyAnalyzer, string>? ruleFiles)
        : this(ReadStage.Default, analyzers, ruleFiles)
    {
    }

    public LintEngine(ReadStage read, IReadOnlyList<PolicyAnalyzer> analyzers, IReadOnlyDictionary<PolicyAnalyzer, string>? ruleFiles = null)
    {
        _read = read;
        _driver = new AnalysisDriver(analyzers, ruleFiles);
    }

    public IReadOnlyList<PolicyAnalyzer> Analyzers => _driver.Analyzers;

    /// <summary>Every rule the run can report: the engine's own and every analyzer's.</summary>
    public ImmutableArray<ReportRule> Rules => _driver.Rules;

    /// <summary>Lints files and folders.</summary>
    public LintReport Lint(IEnumerable<string> paths, string workingDirectory, PolicyLintConfig? config = null) =>
        Run(InputCollector.Collect(paths, workingDirectory), config ?? PolicyLintConfig.Empty);

    /// <summary>Lints collected inputs: files from disk, or named documents already in memory (a tenant pull).</summary>
    public LintReport Run(InputSet inputs, PolicyLintConfig config, DateOnly? today = null)
    {
        // Taken before reading, so the collected inputs (a unit per file) can go once they are read. Full paths are
        // only looked up to match suppressions: a run without any does not keep a map of every file.
        var missingPaths = inputs.MissingPaths;
        var fullPaths = config.Suppressions.Count > 0 ? inputs.FullPaths() : ImmutableDictionary<string, string>.Empty;
        var reconciled = Reconciler.Reconcile(_read.Read(inputs), config);
        ImmutableArray<Model.EffectivePolicy> policies = [.. reconciled.Tenants.Select(t => EffectivePolicyResolver.Resolve(t.Sources))];
        ImmutableArray<TenantFacts> tenants = [.. reconciled.Tenants.Select(t => config.FactsFor(t.Tenant))];
        var diagnostics = _driver.Analyze(reconciled.Files, policies, tenants);
        var run = new AnalyzedRun(diagnostics, _driver.Rules, reconciled.Files, policies, missingPaths, fullPaths);
        return Finalizer.Finalize(run, config, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
    }
}

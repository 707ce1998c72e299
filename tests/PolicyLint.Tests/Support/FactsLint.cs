using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Resolution;

namespace PolicyLint.Tests.Support;

/// <summary>
/// Runs the real stages (collect, read, reconcile, resolve, analyze with every built-in rule, finalize) over marked
/// files with the given tenant facts, as <c>.policylint.yml</c> would give them, so rules that need a fact (joinType,
/// federation, cloud) are tested on real exports without a configuration file.
/// </summary>
public static class FactsLint
{
    public static (LintReport Result, Dictionary<string, MarkedExport> Files) Marked(TempDirectory temp, TenantFacts facts, params (string Name, string Text)[] files)
    {
        var parsed = new Dictionary<string, MarkedExport>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var export = MarkedExport.Parse(text);
            temp.Write(name, export.Text);
            parsed[name] = export;
        }

        var config = PolicyLintConfig.Empty;
        var inputs = InputCollector.Collect([temp.Path], temp.Path);
        var reconciled = Reconciler.Reconcile(ReadStage.Default.Read(inputs), config);
        ImmutableArray<Model.EffectivePolicy> policies = [.. reconciled.Tenants.Select(t => EffectivePolicyResolver.Resolve(t.Sources))];
        var driver = new AnalysisDriver(Lint.BuiltInAnalyzers);
        var diagnostics = driver.Analyze(reconciled.Files, policies, [.. policies.Select(_ => facts)]);
        var run = new AnalyzedRun(diagnostics, driver.Rules, reconciled.Files, policies, inputs.MissingPaths, ImmutableDictionary<string, string>.Empty);
        return (Finalizer.Finalize(run, config, DateOnly.FromDateTime(DateTime.UtcNow)), parsed);
    }
}

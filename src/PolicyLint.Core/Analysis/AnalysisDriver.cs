using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PolicyLint.Model;

namespace PolicyLint.Analysis;

/// <summary>Runs analyzers over an effective policy: per-setting, per-source, then whole-policy actions.</summary>
public sealed class AnalysisDriver
{
    private readonly IReadOnlyList<PolicyAnalyzer> _analyzers;

    public AnalysisDriver(IReadOnlyList<PolicyAnalyzer> analyzers) => _analyzers = analyzers;

    public IReadOnlyList<PolicyAnalyzer> Analyzers => _analyzers;

    /// <summary>Every public, non-abstract PolicyAnalyzer with a parameterless constructor in the assemblies, ordered by first rule id.</summary>
    public static IReadOnlyList<PolicyAnalyzer> Discover(params Assembly[] assemblies) => assemblies
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => typeof(PolicyAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (PolicyAnalyzer)Activator.CreateInstance(t)!)
        .OrderBy(a => a.SupportedDiagnostics.FirstOrDefault()?.Id, StringComparer.Ordinal)
        .ToList();

    public ImmutableArray<Diagnostic> Run(EffectivePolicy policy)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var settingActions = new List<Action<SettingAnalysisContext>>();
        var sourceActions = new List<Action<SourceAnalysisContext>>();
        var policyActions = new List<Action<EffectivePolicyAnalysisContext>>();
        foreach (var analyzer in _analyzers)
        {
            var context = new PolicyAnalysisContext();
            analyzer.Initialize(context);
            settingActions.AddRange(context.SettingActions);
            sourceActions.AddRange(context.SourceActions);
            policyActions.AddRange(context.EffectivePolicyActions);
        }

        void Report(Diagnostic d) => diagnostics.Add(d);
        foreach (var source in policy.Sources)
        {
            foreach (var setting in source.Settings)
            {
                var settingContext = new SettingAnalysisContext(setting, policy, Report);
                foreach (var action in settingActions)
                {
                    action(settingContext);
                }
            }

            var sourceContext = new SourceAnalysisContext(source, policy, Report);
            foreach (var action in sourceActions)
            {
                action(sourceContext);
            }
        }

        var policyContext = new EffectivePolicyAnalysisContext(policy, Report);
        foreach (var action in policyActions)
        {
            action(policyContext);
        }

        return diagnostics.ToImmutable();
    }
}

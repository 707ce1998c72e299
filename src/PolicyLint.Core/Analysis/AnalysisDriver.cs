using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Analysis;

/// <summary>
/// The analyze stage: PL0001 for every read error, then every analyzer over each tenant's effective policy (per
/// setting, per source, then whole-policy actions). Analyzers register their actions once, when the driver is made.
/// </summary>
public sealed class AnalysisDriver
{
    private readonly Action<SettingAnalysisContext>[] _settingActions;
    private readonly Action<SourceAnalysisContext>[] _sourceActions;
    private readonly Action<EffectivePolicyAnalysisContext>[] _policyActions;

    public AnalysisDriver(IReadOnlyList<PolicyAnalyzer> analyzers)
    {
        Analyzers = analyzers;
        var context = new PolicyAnalysisContext();
        foreach (var analyzer in analyzers)
        {
            analyzer.Initialize(context);
        }

        _settingActions = [.. context.SettingActions];
        _sourceActions = [.. context.SourceActions];
        _policyActions = [.. context.EffectivePolicyActions];
        Rules =
        [
            new ReportRule(InputDiagnostics.InputNotReadable, InputDiagnostics.InputNotReadableName, InputDiagnostics.HelpMarkdown()),
            .. analyzers.SelectMany(a => a.SupportedDiagnostics.Select(d => new ReportRule(d, a.Name, a.HelpMarkdown(d.Id)))),
        ];
    }

    public IReadOnlyList<PolicyAnalyzer> Analyzers { get; }

    /// <summary>Every rule the run can report, the engine's own first, each with its friendly name.</summary>
    public ImmutableArray<ReportRule> Rules { get; }

    /// <summary>Read errors, then every analyzer over each policy with its tenant's facts (same order as the policies).</summary>
    public ImmutableArray<Diagnostic> Analyze(IEnumerable<ReadResult> files, IReadOnlyList<EffectivePolicy> policies, IReadOnlyList<TenantFacts>? tenants = null)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var problem in files.SelectMany(f => f.Problems).Where(p => p.Severity == ProblemSeverity.Error))
        {
            diagnostics.Add(InputDiagnostics.From(problem));
        }

        for (var i = 0; i < policies.Count; i++)
        {
            Run(policies[i], tenants is null ? TenantFacts.Unknown : tenants[i], diagnostics.Add);
        }

        return diagnostics.ToImmutable();
    }

    public ImmutableArray<Diagnostic> Run(EffectivePolicy policy, TenantFacts? tenant = null)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        Run(policy, tenant ?? TenantFacts.Unknown, diagnostics.Add);
        return diagnostics.ToImmutable();
    }

    private void Run(EffectivePolicy policy, TenantFacts tenant, Action<Diagnostic> report)
    {
        foreach (var source in policy.Sources)
        {
            foreach (var setting in source.Settings)
            {
                var settingContext = new SettingAnalysisContext(setting, policy, report, tenant);
                foreach (var action in _settingActions)
                {
                    action(settingContext);
                }
            }

            var sourceContext = new SourceAnalysisContext(source, policy, report, tenant);
            foreach (var action in _sourceActions)
            {
                action(sourceContext);
            }
        }

        var policyContext = new EffectivePolicyAnalysisContext(policy, report, tenant);
        foreach (var action in _policyActions)
        {
            action(policyContext);
        }
    }
}

/// <summary>A rule as reports list it: its descriptor, friendly name and page (Markdown), when it has one.</summary>
public sealed record ReportRule(DiagnosticDescriptor Descriptor, string Name, string? HelpMarkdown = null)
{
    public string Id => Descriptor.Id;

    /// <summary>Some findings are reported below the rule's level (see <see cref="RuleTags.LevelVaries"/>).</summary>
    public bool LevelVaries => Descriptor.CustomTags.Contains(RuleTags.LevelVaries);
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Analysis;

/// <summary>
/// The analyze stage: PL0001 for every read error, then every analyzer over each tenant's effective policy (per
/// setting, per source, then whole-policy actions). Analyzers register their actions once, when the driver is made.
/// A rule that throws, or reports an id it does not declare, gives one PL0002 and is stopped for the rest of the run;
/// every other rule still runs (built-in and custom rules alike).
/// </summary>
public sealed class AnalysisDriver
{
    private readonly Registered<SettingAnalysisContext>[] _settingActions;
    private readonly Registered<SourceAnalysisContext>[] _sourceActions;
    private readonly Registered<EffectivePolicyAnalysisContext>[] _policyActions;
    private readonly HashSet<string>[] _declaredIds;
    private readonly string?[] _ruleFiles;
    private readonly Exception?[] _initializeFailures;

    public AnalysisDriver(IReadOnlyList<PolicyAnalyzer> analyzers)
        : this(analyzers, null)
    {
    }

    /// <param name="analyzers">Every rule to run, built-in first.</param>
    /// <param name="ruleFiles">For custom rules: the file each was compiled from, as findings show it (PL0002 names it).</param>
    public AnalysisDriver(IReadOnlyList<PolicyAnalyzer> analyzers, IReadOnlyDictionary<PolicyAnalyzer, string>? ruleFiles)
    {
        Analyzers = analyzers;
        var settingActions = new List<Registered<SettingAnalysisContext>>();
        var sourceActions = new List<Registered<SourceAnalysisContext>>();
        var policyActions = new List<Registered<EffectivePolicyAnalysisContext>>();
        _declaredIds = new HashSet<string>[analyzers.Count];
        _ruleFiles = new string?[analyzers.Count];
        _initializeFailures = new Exception?[analyzers.Count];
        for (var i = 0; i < analyzers.Count; i++)
        {
            var analyzer = analyzers[i];
            _ruleFiles[i] = ruleFiles?.GetValueOrDefault(analyzer);
            _declaredIds[i] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                _declaredIds[i].Add(descriptor.Id);
            }

            // One context per analyzer, so each action is known to belong to its rule.
            var context = new PolicyAnalysisContext();
            try
            {
                analyzer.Initialize(context);
            }
#pragma warning disable CA1031 // Any exception from a rule becomes its PL0002; the other rules still run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _initializeFailures[i] = ex;
                continue;
            }

            foreach (var action in context.SettingActions)
            {
                settingActions.Add(new(i, action));
            }

            foreach (var action in context.SourceActions)
            {
                sourceActions.Add(new(i, action));
            }

            foreach (var action in context.EffectivePolicyActions)
            {
                policyActions.Add(new(i, action));
            }
        }

        _settingActions = [.. settingActions];
        _sourceActions = [.. sourceActions];
        _policyActions = [.. policyActions];
        Rules =
        [
            new ReportRule(InputDiagnostics.InputNotReadable, InputDiagnostics.InputNotReadableName, InputDiagnostics.HelpMarkdown()),
            new ReportRule(RuleFailures.RuleFailed, RuleFailures.RuleFailedName, RuleFailures.HelpMarkdown()),
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

        // A rule that fails is stopped for the whole run, every tenant: one PL0002 per rule.
        var failed = new bool[Analyzers.Count];
        for (var i = 0; i < policies.Count; i++)
        {
            Run(policies[i], tenants is null ? TenantFacts.Unknown : tenants[i], diagnostics, failed);
        }

        return diagnostics.ToImmutable();
    }

    public ImmutableArray<Diagnostic> Run(EffectivePolicy policy, TenantFacts? tenant = null)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        Run(policy, tenant ?? TenantFacts.Unknown, diagnostics, new bool[Analyzers.Count]);
        return diagnostics.ToImmutable();
    }

    private void Run(EffectivePolicy policy, TenantFacts tenant, ImmutableArray<Diagnostic>.Builder diagnostics, bool[] failed)
    {
        for (var i = 0; i < _initializeFailures.Length; i++)
        {
            if (_initializeFailures[i] is { } exception && !failed[i])
            {
                Fail(i, policy, RuleFailures.Describe(exception), null, diagnostics, failed, "its Initialize method (where it registers its actions)");
            }
        }

        var report = diagnostics.Add;
        foreach (var source in policy.Sources)
        {
            foreach (var setting in source.Settings)
            {
                var settingContext = new SettingAnalysisContext(setting, policy, report, tenant);
                foreach (var registered in _settingActions)
                {
                    if (!failed[registered.Analyzer])
                    {
                        Invoke(registered, settingContext, diagnostics, failed, setting, source);
                    }
                }
            }

            var sourceContext = new SourceAnalysisContext(source, policy, report, tenant);
            foreach (var registered in _sourceActions)
            {
                if (!failed[registered.Analyzer])
                {
                    Invoke(registered, sourceContext, diagnostics, failed, source, source);
                }
            }
        }

        var policyContext = new EffectivePolicyAnalysisContext(policy, report, tenant);
        foreach (var registered in _policyActions)
        {
            if (!failed[registered.Analyzer])
            {
                Invoke(registered, policyContext, diagnostics, failed, policy, null);
            }
        }
    }

    /// <summary>Runs one action; a throw, or an id the rule does not declare, fails the rule (PL0002) and stops it.</summary>
    private void Invoke<TContext>(
        Registered<TContext> registered,
        TContext context,
        ImmutableArray<Diagnostic>.Builder diagnostics,
        bool[] failed,
        object subject,
        PolicySource? source)
    {
        var before = diagnostics.Count;
        try
        {
            registered.Action(context);
        }
#pragma warning disable CA1031 // Any exception from a rule becomes its PL0002; the other rules still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(registered.Analyzer, subject, RuleFailures.Describe(ex), source, diagnostics, failed);
            return;
        }

        for (var d = before; d < diagnostics.Count; d++)
        {
            var id = diagnostics[d].Id;
            if (!_declaredIds[registered.Analyzer].Contains(id))
            {
                // A finding under an id the rule does not declare could pass for another rule's: none of this call's are kept.
                diagnostics.Count = before;
                var declared = string.Join(", ", _declaredIds[registered.Analyzer].Order(StringComparer.Ordinal));
                Fail(registered.Analyzer, subject, $"it reported {id}, which is not an id it declares in SupportedDiagnostics ({declared})", source, diagnostics, failed);
                return;
            }
        }
    }

    /// <summary>Reports PL0002 for the analyzer at what it was analyzing (a setting, a source, the policy) and stops it.</summary>
    private void Fail(int analyzer, object subject, string problem, PolicySource? source, ImmutableArray<Diagnostic>.Builder diagnostics, bool[] failed, string? what = null)
    {
        failed[analyzer] = true;
        var (location, description) = subject switch
        {
            PolicySetting setting => (setting.Location, $"{setting.DisplayPath} in {setting.Source.Describe()}"),
            PolicySource policySource => (policySource.Location, policySource.Describe()),
            EffectivePolicy policy => (PolicyLocation(policy, analyzer), $"the effective policy ({policy.Sources.Count} source(s))"),
            _ => (SourceLocation.ForFile("."), subject.ToString() ?? string.Empty),
        };
        diagnostics.Add(RuleFailures.Create(Analyzers[analyzer], what ?? description, problem, location, source, _ruleFiles[analyzer]));
    }

    /// <summary>Where a failure that concerns no one source is shown: the custom rule's file, else the policy's first source.</summary>
    private SourceLocation PolicyLocation(EffectivePolicy policy, int analyzer) =>
        _ruleFiles[analyzer] is { } file ? SourceLocation.ForFile(file)
        : policy.Sources.Count > 0 ? SourceLocation.ForFile(policy.Sources[0].FilePath)
        : SourceLocation.ForFile(".");

    /// <summary>An action and the index of the analyzer that registered it (a class: see docs/performance.md on structs in generics).</summary>
    private sealed record Registered<TContext>(int Analyzer, Action<TContext> Action);
}

/// <summary>A rule as reports list it: its descriptor, friendly name and page (Markdown), when it has one.</summary>
public sealed record ReportRule(DiagnosticDescriptor Descriptor, string Name, string? HelpMarkdown = null)
{
    public string Id => Descriptor.Id;

    /// <summary>Some findings are reported below the rule's level (see <see cref="RuleTags.LevelVaries"/>).</summary>
    public bool LevelVaries => Descriptor.CustomTags.Contains(RuleTags.LevelVaries);
}

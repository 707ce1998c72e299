using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.CustomRules;

/// <summary>PL0002 from the analysis driver, for any analyzer that fails: built-in ones too, at each kind of action.</summary>
public sealed class RuleFailureTests
{
    [Fact]
    public void A_failing_built_in_rule_gives_PL0002_at_the_source_and_says_it_is_a_PolicyLint_bug()
    {
        var engine = new LintEngine([.. Lint.BuiltInAnalyzers, new ThrowsOnSources()]);

        var report = engine.Lint(["samples/intune"], RepoPaths.Root);

        var failure = Assert.Single(report.Findings, f => f.RuleId == RuleIds.RuleFailed);
        Assert.Equal(DiagnosticSeverity.Error, failure.Severity);
        Assert.Equal("samples/intune/WHfB - Biometrics.custom-oma.json(4,18)", failure.Location.ToString()); // the profile, at its displayName
        Assert.Equal("WHfB - Biometrics", failure.SourceName);
        Assert.Equal(
            "Rule TEST0001 (ThrowsOnSources) failed while analyzing custom OMA-URI profile 'WHfB - Biometrics': KeyNotFoundException: The given key 'x' was not present in the dictionary. "
            + "It was stopped for the rest of this run, so its findings may be missing and the report may pass what it would flag; this is a bug in PolicyLint: please report it with the input that triggers it.",
            failure.Message);
        // Every built-in finding of samples/intune is still reported.
        var withoutTheFailingRule = Lint.Engine().Lint(["samples/intune"], RepoPaths.Root).Findings.Select(f => f.RuleId).Order(StringComparer.Ordinal);
        Assert.Equal(withoutTheFailingRule, report.Findings.Select(f => f.RuleId).Where(id => id != RuleIds.RuleFailed).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rule_whose_Initialize_throws_gives_one_PL0002_and_a_custom_rules_whole_policy_failure_points_at_its_file()
    {
        var initialize = new ThrowsInInitialize();
        var policyAction = new ThrowsOnThePolicy();
        var engine = new LintEngine([initialize, policyAction], new Dictionary<PolicyAnalyzer, string> { [policyAction] = "rules/Policy.cs" });

        var report = engine.Lint(["samples/intune"], RepoPaths.Root);

        var failures = report.Findings.Where(f => f.RuleId == RuleIds.RuleFailed).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Message.StartsWith("Rule TEST0002 (ThrowsInInitialize) failed while analyzing its Initialize method (where it registers its actions): NotSupportedException: not today.", StringComparison.Ordinal)
            && f.FilePath.StartsWith("samples/intune/", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Message.StartsWith($"Rule TEST0003 (ThrowsOnThePolicy) failed while analyzing the effective policy ({report.Policy.Sources.Count} source(s)): IndexOutOfRangeException", StringComparison.Ordinal)
            && f.Message.EndsWith("fix the rule in rules/Policy.cs, or remove that file from the rules folder.", StringComparison.Ordinal)
            && f.Location.ToString() == "rules/Policy.cs");
    }

    [Fact]
    public void A_rule_that_fails_in_one_tenant_is_reported_once_for_the_run()
    {
        var engine = new LintEngine([new ThrowsOnSources()]);

        var report = engine.Lint(["samples"], RepoPaths.Root, global::PolicyLint.Configuration.PolicyLintConfig.Load(Path.Combine(RepoPaths.Samples, ".policylint.yml")));

        Assert.True(report.Policies.Length > 1);
        Assert.Single(report.Findings, f => f.RuleId == RuleIds.RuleFailed);
    }

    [Fact]
    public void PL0002_is_listed_with_the_engine_rules_with_its_page()
    {
        var rule = Assert.Single(Lint.Engine().Rules, r => r.Id == RuleIds.RuleFailed);

        Assert.Equal("RuleFailed", rule.Name);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.RuleDocs, "PL0002.md")), rule.HelpMarkdown);
        Assert.Equal(1, Lint.Engine().Rules.IndexOf(rule));
    }

    private static DiagnosticDescriptor Descriptor(string id) =>
        RuleDescriptors.Create(id, "Test", "{0}.", "Test", DiagnosticSeverity.Warning, "Test.", helpLink: null);

    private sealed class ThrowsOnSources : PolicyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor("TEST0001")];

        public override void Initialize(PolicyAnalysisContext context) =>
            context.RegisterSourceAction(c => _ = new Dictionary<string, int>()["x"]);
    }

    private sealed class ThrowsInInitialize : PolicyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor("TEST0002")];

        public override void Initialize(PolicyAnalysisContext context) => throw new NotSupportedException("not today");
    }

    private sealed class ThrowsOnThePolicy : PolicyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor("TEST0003")];

        public override void Initialize(PolicyAnalysisContext context) =>
            context.RegisterEffectivePolicyAction(c => _ = c.Policy.Sources.ToArray()[c.Policy.Sources.Count]);
    }
}

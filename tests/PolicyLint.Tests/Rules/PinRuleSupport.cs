using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Resolution;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Rules;

/// <summary>Inline export pieces and a facts-aware lint for the PIN rules' tests (PL4006, PL4007, PL5001, PL5002).</summary>
internal static class PinRuleSupport
{
    public const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    public const string Other = "bbbb0000-0000-0000-0000-000000000002";

    /// <summary>A simple integer child of the PassportForWork group (<c>leaf</c> is the id suffix after <c>_policies_</c>).</summary>
    public static string Integer(string leaf, string value, string scope = "device") => $$"""
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
                        "settingDefinitionId": "{{scope}}_vendor_msft_passportforwork_{tenantid}_policies_{{leaf}}",
                        "simpleSettingValue": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue", "value": {{value}} }
                      }
        """;

    public static string Children(params string[] children) => string.Join(",\n", children);

    /// <summary>An integer OMA-URI row for a PassportForWork policy node (<c>path</c> after <c>Policies/</c>).</summary>
    public static string OmaInteger(string path, string value, string scope = "Device") => $$"""
            {
              "@odata.type": "#microsoft.graph.omaSettingInteger",
              "displayName": "{{path}}",
              "omaUri": "./{{scope}}/Vendor/MSFT/PassportForWork/{{Exports.TenantId}}/Policies/{{path}}",
              "isEncrypted": false,
              "isReadOnly": false,
              "value": {{value}}
            }
        """;

    public const string Unassigned = "[]";

    /// <summary>Lints marked files as <see cref="Lint.Marked"/> does, with the tenant facts .policylint.yml would give.</summary>
    public static (LintReport Result, Dictionary<string, MarkedExport> Files) MarkedWithFacts(TempDirectory temp, TenantFacts facts, params (string Name, string Text)[] files)
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

    public static TenantFacts WithOption(this TenantFacts facts, string ruleId, string name, string value) => facts with
    {
        RuleOptions = facts.RuleOptions.SetItem(ruleId, ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase).Add(name, value)),
    };
}

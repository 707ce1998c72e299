using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using PolicyLint.Analysis;
using PolicyLint.CustomRules;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.CustomRules;

/// <summary>
/// <c>policylint lint --rules DIR</c>: C# files written to a real folder, compiled by Roslyn, loaded in a collectible
/// context and run beside the built-in rules, through the same entry point as the command line.
/// </summary>
public sealed class CustomRuleTests
{
    /// <summary>A rule as an organisation would write one: MinimumPINLength of 8 or more, as a warning.</summary>
    private const string PinRule = """
        using System.Collections.Immutable;
        using Microsoft.CodeAnalysis;
        using PolicyLint.Analysis;
        using PolicyLint.Catalog;
        using PolicyLint.Model;

        namespace Org.Rules;

        public sealed class ORG1001_PinAtLeastEight : PolicyAnalyzer
        {
            public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
                "ORG1001", "PIN shorter than 8", "MinimumPINLength is {0} in {1}; our standard is 8.", "Org",
                DiagnosticSeverity.Warning, "Org standard.", new Uri("https://wiki.example.org/whfb/ORG1001"));

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

            public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(c =>
            {
                if (c.Setting.Node == PassportForWorkCatalog.MinimumPinLength && c.Setting.Value.Kind == PolicyValueKind.Integer && c.Setting.Value.IntegerValue < 8)
                {
                    c.Report(Rule, c.Setting, c.Setting.Value.IntegerValue, c.Setting.Source.Describe());
                }
            });
        }
        """;

    /// <summary>Throws on every setting it sees: one PL0002 must come of it, not one per setting.</summary>
    private const string ThrowingRule = """
        using System.Collections.Immutable;
        using Microsoft.CodeAnalysis;
        using PolicyLint.Analysis;

        namespace Org.Rules;

        public sealed class ORG2001_Broken : PolicyAnalyzer
        {
            public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
                "ORG2001", "Broken", "{0}.", "Org", DiagnosticSeverity.Warning, "Broken.", helpLink: null);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

            public override void Initialize(PolicyAnalysisContext context) =>
                context.RegisterSettingAction(c => throw new InvalidOperationException("no lookup table for\n" + c.Setting.WrittenName));
        }
        """;

    private static string PinExport(string marked) => SettingsCatalog("WHfB - PIN", $$"""
                  {
                    "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
                    "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_minimumpinlength",
                    "simpleSettingValue": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue", "value": {{marked}} }
                  }
        """);

    [Fact]
    public void A_rule_compiled_from_a_folder_runs_beside_the_built_in_rules_and_fires_at_the_setting()
    {
        using var temp = new TempDirectory();
        temp.Write("rules/PinAtLeastEight.cs", PinRule);
        var export = MarkedExport.Parse(PinExport("[|6|]"));
        temp.Write("exports/pin.json", export.Text);
        temp.Write("exports/max.json", SettingsCatalog("WHfB - Max", """
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
                        "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_maximumpinlength",
                        "simpleSettingValue": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue", "value": 200 }
                      }
            """, id: "11111111-0000-0000-0000-000000000002"));

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "exports", "--rules", "rules", "--format", "sarif=out.sarif", "--format", "text");

        Assert.True(exit == 1, console.StdOut + console.StdErr);
        var (line, column) = Assert.Single(export.Spots);
        Assert.Contains($"exports/pin.json({line},{column}): warning ORG1001: MinimumPINLength is 6 in Settings Catalog profile 'WHfB - PIN'; our standard is 8.", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("error PL4002", console.StdOut, StringComparison.Ordinal);
        var sarif = File.ReadAllText(Path.Combine(temp.Path, "out.sarif"));
        SarifSchema.AssertValid(sarif);
        Assert.Contains("\"helpUri\": \"https://wiki.example.org/whfb/ORG1001\"", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_rule_fires_on_the_intune_samples_and_its_page_is_explained()
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/intune", "--rules", "samples/custom-rules");

        Assert.True(exit == 1, console.StdOut + console.StdErr);
        Assert.Contains("samples/intune/WHfB - Cloud Kerberos Trust.settings-catalog.json(63,28): warning ORG1001: MinimumPINLength (device scope) is 6", console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("PIN Policy (Helpdesk).settings-catalog.json(30,28): warning ORG1001", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("error PL3001", console.StdOut, StringComparison.Ordinal);

        var explained = TestConsole.Run(RepoPaths.Root, "explain", "ORG1001", "--rules", "samples/custom-rules");
        Assert.Equal(0, explained.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Samples, "custom-rules", "docs", "ORG1001.md")), explained.Console.StdOut);

        var listed = TestConsole.Run(RepoPaths.Root, "rules", "--rules", "samples/custom-rules", "--format", "json");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("\"id\": \"ORG1001\"", listed.Console.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"helpUri\": \"https://github.com/policylint/policylint/blob/main/samples/custom-rules/docs/ORG1001.md\"", listed.Console.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_rule_takes_its_minimum_from_the_tenant_options()
    {
        using var custom = CustomRuleLoader.Load("samples/custom-rules", RepoPaths.Root, Lint.Engine().Rules);
        var report = new LintEngine([.. custom.Analyzers], custom.Files).Lint(["samples/intune"], RepoPaths.Root);
        var policy = Assert.Single(report.Policies);
        var driver = new AnalysisDriver([.. custom.Analyzers]);

        var options = ImmutableDictionaryOf("ORG1001", "minimumPinLength", "9");
        var stricter = driver.Run(policy, new TenantFacts { RuleOptions = options });

        Assert.Single(driver.Run(policy), d => d.Id == "ORG1001");
        Assert.Equal(2, stricter.Count(d => d.Id == "ORG1001"));
    }

    [Fact]
    public void Compile_errors_print_with_file_line_and_column_and_exit_2()
    {
        using var temp = new TempDirectory();
        temp.Write("exports/pin.json", PinExport("6"));
        temp.Write("rules/Good.cs", PinRule);
        temp.Write("rules/MyRule.cs", "namespace Org.Rules;\n\npublic sealed class Broken\n{\n    int x = 1\n}\n");

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "exports", "--rules", "rules");

        Assert.Equal(2, exit);
        Assert.Contains("rules/MyRule.cs(5,14): error CS1002: ; expected", console.StdErr, StringComparison.Ordinal);
        Assert.Contains("policylint: the custom rules do not compile (1 error)", console.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, console.StdOut);
        Assert.DoesNotContain("   at ", console.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "the rules folder 'rules' does not exist")]
    [InlineData("rules/README.md", "the rules folder 'rules' holds no C# files (*.cs)")]
    [InlineData("rules/Helpers.cs", "the rules folder 'rules' defines no rule")]
    public void A_folder_that_is_missing_or_holds_no_rule_exits_2_with_a_clear_message(string? file, string expected)
    {
        using var temp = new TempDirectory();
        temp.Write("exports/pin.json", PinExport("6"));
        if (file is not null)
        {
            temp.Write(file, "namespace Org.Rules;\n\npublic static class Helpers\n{\n}\n");
        }

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "exports", "--rules", "rules");

        Assert.Equal(2, exit);
        Assert.Contains("policylint: " + expected, console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throwing_rule_gives_one_PL0002_naming_it_and_the_built_in_findings_are_still_there()
    {
        using var temp = new TempDirectory();
        temp.Write("rules/Broken.cs", ThrowingRule);
        temp.Write("rules/PinAtLeastEight.cs", PinRule);
        var export = MarkedExport.Parse(PinExport("[|6|]"));
        temp.Write("exports/pin.json", export.Text);
        temp.Write("exports/max.json", SettingsCatalog("WHfB - Max", """
                      {
                        "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
                        "settingDefinitionId": "device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_maximumpinlength",
                        "simpleSettingValue": { "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue", "value": 200 }
                      }
            """, id: "11111111-0000-0000-0000-000000000002"));

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "exports", "--rules", "rules", "--fail-on", "none");

        Assert.True(exit == 0, console.StdOut + console.StdErr);
        var failure = Assert.Single(console.StdOut.Split('\n'), l => l.Contains("PL0002", StringComparison.Ordinal));
        Assert.StartsWith("exports/max.json(", failure, StringComparison.Ordinal);
        Assert.Contains(
            "error PL0002: Rule ORG2001 (Broken) failed while analyzing MaximumPINLength (device scope) in Settings Catalog profile 'WHfB - Max': "
            + "InvalidOperationException: no lookup table for device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_maximumpinlength. "
            + "It was stopped for the rest of this run",
            failure,
            StringComparison.Ordinal);
        Assert.Contains("fix the rule in rules/Broken.cs", failure, StringComparison.Ordinal);
        Assert.Contains("error PL4002", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("warning ORG1001", console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.StdOut + console.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PL2001", "its id PL2001 is the id of PolicyLint's built-in rule ConflictingIntuneValues")]
    [InlineData("PL0002", "its id PL0002 is the id of PolicyLint's built-in rule RuleFailed")]
    [InlineData("PL9001", "its id PL9001 starts with PL and a digit, which PolicyLint keeps for its own rules")]
    [InlineData("ORG 1", "its id 'ORG 1' is not a rule id")]
    public void A_rule_id_that_is_not_the_rules_to_take_exits_2(string id, string expected)
    {
        using var temp = new TempDirectory();
        temp.Write("exports/pin.json", PinExport("6"));
        temp.Write("rules/PinAtLeastEight.cs", PinRule.Replace("\"ORG1001\"", $"\"{id}\"", StringComparison.Ordinal));

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "exports", "--rules", "rules");

        Assert.Equal(2, exit);
        Assert.Contains($"rules/PinAtLeastEight.cs(9,21): error: rule Org.Rules.ORG1001_PinAtLeastEight: {expected}", console.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, console.StdOut);
    }

    [Fact]
    public void Two_custom_rules_with_one_id_and_a_link_to_PolicyLints_pages_exit_2()
    {
        using var temp = new TempDirectory();
        temp.Write("exports/pin.json", PinExport("6"));
        temp.Write("rules/A.cs", PinRule);
        temp.Write("rules/B.cs", PinRule.Replace("ORG1001_PinAtLeastEight", "ORG1001_Again", StringComparison.Ordinal));
        temp.Write("rules/C.cs", PinRule
            .Replace("ORG1001_PinAtLeastEight", "ORG1003_OwnLink", StringComparison.Ordinal)
            .Replace("\"ORG1001\"", "\"ORG1003\"", StringComparison.Ordinal)
            .Replace("new Uri(\"https://wiki.example.org/whfb/ORG1001\")", "new Uri(RuleDescriptors.HelpLinkFor(\"ORG1003\"))", StringComparison.Ordinal));

        var (exit, console) = TestConsole.Run(temp.Path, "rules", "--rules", "rules");

        Assert.Equal(2, exit);
        Assert.Contains("rules/B.cs(9,21): error: rule Org.Rules.ORG1001_Again: its id ORG1001 is also declared by rule Org.Rules.ORG1001_PinAtLeastEight", console.StdErr, StringComparison.Ordinal);
        Assert.Contains("rules/C.cs(9,21): error: rule Org.Rules.ORG1003_OwnLink: the help link of ORG1003 points at PolicyLint's own rule pages", console.StdErr, StringComparison.Ordinal);
        Assert.Contains("policylint: the custom rules cannot be loaded (2 errors)", console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_reports_an_id_it_does_not_declare_fails_with_PL0002_and_that_finding_is_dropped()
    {
        using var temp = new TempDirectory();
        temp.Write("exports/pin.json", PinExport("6"));
        temp.Write("rules/Impostor.cs", PinRule.Replace(
            "c.Report(Rule, c.Setting,",
            "c.Report(RuleDescriptors.Create(\"PL2001\", \"t\", \"{0} {1}.\", \"c\", DiagnosticSeverity.Error, \"d\"), c.Setting,",
            StringComparison.Ordinal));

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "exports", "--rules", "rules");

        Assert.True(exit == 1, console.StdOut + console.StdErr);
        Assert.DoesNotContain("PL2001", console.StdOut.Replace("it reported PL2001", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("error PL0002: Rule ORG1001 (PinAtLeastEight) failed while analyzing MinimumPINLength (device scope) in Settings Catalog profile 'WHfB - PIN': it reported PL2001, which is not an id it declares in SupportedDiagnostics (ORG1001)", console.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void The_load_context_is_collectible_and_goes_once_the_rules_are_disposed()
    {
        var context = LoadRunAndDispose();

        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "the custom rules' load context was not unloaded after the rule set was disposed");
    }

    [Fact]
    public void Custom_rules_share_the_hosts_sdk_and_roslyn_and_live_in_their_own_collectible_context()
    {
        using var custom = CustomRuleLoader.Load("samples/custom-rules", RepoPaths.Root, Lint.Engine().Rules);

        var analyzer = Assert.Single(custom.Analyzers);
        var context = AssemblyLoadContext.GetLoadContext(analyzer.GetType().Assembly)!;
        Assert.True(context.IsCollectible);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Same(typeof(PolicyAnalyzer), analyzer.GetType().BaseType);
        Assert.Equal("samples/custom-rules/OrgMinimumPinLength.cs", custom.Files[analyzer]);
    }

    [Fact]
    public void Baseline_with_rules_records_the_custom_findings()
    {
        using var temp = new TempDirectory();
        temp.Write("rules/PinAtLeastEight.cs", PinRule);
        temp.Write("exports/pin.json", PinExport("6"));

        var (exit, console) = TestConsole.Run(temp.Path, "baseline", "exports", "-o", "baseline.sarif", "--rules", "rules");

        Assert.True(exit == 0, console.StdOut + console.StdErr);
        Assert.Contains("\"ruleId\": \"ORG1001\"", File.ReadAllText(Path.Combine(temp.Path, "baseline.sarif")), StringComparison.Ordinal);
        var again = TestConsole.Run(temp.Path, "lint", "exports", "--rules", "rules", "--baseline", "baseline.sarif", "--fail-on", "note");
        Assert.True(again.ExitCode == 0, again.Console.StdOut + again.Console.StdErr);
    }

    [Fact]
    public void A_custom_rule_without_a_page_is_explained_from_its_descriptor()
    {
        using var temp = new TempDirectory();
        temp.Write("rules/PinAtLeastEight.cs", PinRule);

        var (exit, console) = TestConsole.Run(temp.Path, "explain", "org1001", "--rules", "rules");

        Assert.Equal(0, exit);
        Assert.StartsWith("# ORG1001: PinAtLeastEight\n\nPIN shorter than 8 (custom rule, warning, category Org)", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("More: https://wiki.example.org/whfb/ORG1001", console.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_walk_leaves_CSharp_files_out()
    {
        using var temp = new TempDirectory();
        temp.Write("repo/exports/pin.json", PinExport("6"));
        temp.Write("repo/rules/PinAtLeastEight.cs", PinRule);

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "repo", "--verbose");

        Assert.True(exit == 0, console.StdOut + console.StdErr);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file", console.StdOut.Trim());
        Assert.DoesNotContain(".cs", console.StdErr, StringComparison.Ordinal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadRunAndDispose()
    {
        using var temp = new TempDirectory();
        temp.Write("rules/PinAtLeastEight.cs", PinRule);
        temp.Write("exports/pin.json", PinExport("6"));
        var custom = CustomRuleLoader.Load("rules", temp.Path, Lint.Engine().Rules);
        var context = new WeakReference(AssemblyLoadContext.GetLoadContext(custom.Analyzers[0].GetType().Assembly));
        var report = new LintEngine([.. Lint.BuiltInAnalyzers, .. custom.Analyzers], custom.Files).Lint(["exports"], temp.Path);
        Assert.Contains(report.Findings, f => f.RuleId == "ORG1001");
        custom.Dispose();
        return context;
    }

    private static System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableDictionary<string, string>> ImmutableDictionaryOf(string ruleId, string name, string value) =>
        System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableDictionary<string, string>>.Empty
            .WithComparers(StringComparer.OrdinalIgnoreCase)
            .Add(ruleId, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase).Add(name, value));
}

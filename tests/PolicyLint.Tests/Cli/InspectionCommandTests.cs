using System.Text.Json;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Cli;

/// <summary>The commands that inspect rather than lint: show, rules, explain, init, --version.</summary>
public sealed class InspectionCommandTests
{
    [Fact]
    public void Show_prints_each_source_with_its_settings_then_the_effective_policy_with_what_it_shadows()
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "show", "samples/gpo");

        Assert.Equal(0, exit);
        var text = console.StdOut;
        Assert.Contains("Settings Catalog profile 'WHfB - Intune Pilot (hybrid)' at samples/gpo/WHfB - Intune Pilot (hybrid).settings-catalog.json(", text, StringComparison.Ordinal);
        Assert.Contains("Group Policy Object '", text, StringComparison.Ordinal);
        Assert.Contains("Effective policy:", text, StringComparison.Ordinal);
        Assert.Contains("    shadows ", text, StringComparison.Ordinal);
        Assert.Contains("Group Policy always wins over Intune", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_json_is_stable_and_names_winners_with_their_locations()
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "show", "samples/gpo", "--format", "json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(console.StdOut).RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Contains(sources, s => s.GetProperty("kind").GetString() == "GroupPolicy");
        Assert.All(sources, s => Assert.True(s.GetProperty("settings").GetArrayLength() > 0));
        var node = root.GetProperty("effectivePolicies")[0].GetProperty("nodes").EnumerateArray()
            .First(n => n.GetProperty("shadows").GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(node.GetProperty("winnerSource").GetProperty("location").GetProperty("file").GetString()));
        Assert.Equal(console.StdOut, TestConsole.Run(RepoPaths.Root, "show", "samples/gpo", "--format", "json").Console.StdOut);
    }

    [Fact]
    public void Rules_lists_every_rule_in_each_format()
    {
        var ids = Lint.Engine().Rules.Select(r => r.Id).ToList();

        var text = TestConsole.Run(RepoPaths.Root, "rules").Console.StdOut;
        var json = JsonDocument.Parse(TestConsole.Run(RepoPaths.Root, "rules", "--format", "json").Console.StdOut).RootElement;
        var markdown = TestConsole.Run(RepoPaths.Root, "rules", "--format", "markdown").Console.StdOut;

        Assert.All(ids, id => Assert.Contains(id, text, StringComparison.Ordinal));
        Assert.Equal(ids, json.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.All(json.EnumerateArray(), r => Assert.EndsWith($"/rules/docs/{r.GetProperty("id").GetString()}.md", r.GetProperty("helpUri").GetString(), StringComparison.Ordinal));
        Assert.All(ids, id => Assert.Contains($"| [{id}](rules/docs/{id}.md) |", markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_prints_the_rule_page_and_an_unknown_id_is_a_usage_error()
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "explain", "pl2001");
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.RuleDocs, "PL2001.md")), console.StdOut);

        var (unknown, error) = TestConsole.Run(RepoPaths.Root, "explain", "PL9999");
        Assert.Equal(2, unknown);
        Assert.Contains("no rule 'PL9999'", error.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_a_starter_file_that_loads_and_refuses_to_overwrite_without_force()
    {
        using var temp = new TempDirectory();

        Assert.Equal(0, TestConsole.Run(temp.Path, "init").ExitCode);
        var path = Path.Combine(temp.Path, ".policylint.yml");
        var config = PolicyLint.Configuration.PolicyLintConfig.Load(path);
        Assert.Empty(config.Suppressions);

        File.WriteAllText(path, "rules:\n  PL4003: error\n");
        var (refused, console) = TestConsole.Run(temp.Path, "init");
        Assert.Equal(2, refused);
        Assert.Contains("--force", console.StdErr, StringComparison.Ordinal);
        Assert.Equal("rules:\n  PL4003: error\n", File.ReadAllText(path));

        Assert.Equal(0, TestConsole.Run(temp.Path, "init", "--force").ExitCode);
        Assert.StartsWith("# PolicyLint configuration", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_starter_file_shows_every_key_and_its_examples_load_when_uncommented()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, TestConsole.Run(temp.Path, "init").ExitCode);
        var text = File.ReadAllText(Path.Combine(temp.Path, ".policylint.yml"));

        // As written, nothing is set.
        var asWritten = PolicyLint.Configuration.PolicyLintConfig.Load(Path.Combine(temp.Path, ".policylint.yml"));
        Assert.Equal(PolicyLint.Analysis.TenantFacts.Unknown, asWritten.Defaults);
        Assert.Empty(asWritten.TenantFolders);

        foreach (var key in PolicyLint.Configuration.PolicyLintConfig.FactKeys.Concat(["tenants", "rules", "suppressions", "path", "level", "minimumPinLength"]))
        {
            Assert.Matches($@"(?m)^#\s+(- )?{key}:", text);
        }

        // Every example line ("# key: value", "#   - item") uncommented gives a file that loads with every fact set.
        var uncommented = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^# (?=\s*(- |[A-Za-z][A-Za-z0-9]*:))", string.Empty);
        var config = PolicyLint.Configuration.PolicyLintConfig.Load(temp.Write("uncommented/.policylint.yml", uncommented));
        var facts = config.Defaults;
        Assert.NotNull(facts.TenantId);
        Assert.NotNull(facts.Cloud);
        Assert.NotNull(facts.ExpectedTrustModel);
        Assert.NotNull(facts.JoinType);
        Assert.NotNull(facts.Federated);
        Assert.NotEmpty(facts.FederationHosts);
        Assert.NotNull(facts.MinimumWindowsBuild);
        Assert.True(facts.AssumeAssigned);
        Assert.Equal("8", facts.Option(PolicyLint.Analysis.RuleIds.WeakMinimumPinLength, "minimumPinLength"));
        Assert.Equal(2, config.TenantFolders.Count);
        Assert.Equal(PolicyLint.Analysis.TrustModel.Key, config.FactsFor(config.TenantFolders[1]).ExpectedTrustModel);
        Assert.Single(config.Suppressions);
        Assert.Equal("warning", config.RuleLevels[PolicyLint.Analysis.RuleIds.WeakMinimumPinLength]);
    }

    [Fact]
    public void Version_comes_from_the_assembly()
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "--version");

        Assert.Equal(0, exit);
        Assert.Equal(PolicyLint.Output.ToolInfo.Version, console.StdOut.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", console.StdOut.Trim());
    }
}

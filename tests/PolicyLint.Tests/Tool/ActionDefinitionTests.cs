using System.Text.RegularExpressions;
using PolicyLint.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PolicyLint.Tests.Tool;

/// <summary>
/// action.yml and the CI examples are only run by GitHub, Azure DevOps and GitLab, so a mistake would first show on a
/// user's pipeline. These checks catch the ones that can be seen without running them.
/// </summary>
public sealed partial class ActionDefinitionTests
{
    private static readonly string[] Inputs = ["paths", "fail-on", "config", "sarif-file", "upload-sarif", "package-source", "baseline", "rules"];

    private static string ActionFile => Path.Combine(RepoPaths.Root, "action.yml");

    [Fact]
    public void Action_is_a_composite_with_the_documented_inputs()
    {
        var action = Load(ActionFile);

        Assert.Equal("composite", Scalar(Map(action, "runs"), "using"));
        var inputs = Map(action, "inputs");
        Assert.Equal(Inputs.Order(StringComparer.Ordinal), inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        foreach (var (name, input) in inputs.Children)
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar((YamlMappingNode)input, "description")), $"input {name} has no description");
        }
    }

    [Fact]
    public void Every_input_the_action_uses_is_declared()
    {
        var used = InputReference().Matches(File.ReadAllText(ActionFile)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Except(Inputs));
        Assert.Empty(Inputs.Except(used));
    }

    [Fact]
    public void Every_run_step_names_its_shell()
    {
        // A composite action's run step without 'shell' is rejected when the action loads.
        var steps = (YamlSequenceNode)Map(Load(ActionFile), "runs").Children[new YamlScalarNode("steps")];
        foreach (var step in steps.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))))
        {
            Assert.False(string.IsNullOrEmpty(Scalar(step, "shell")), $"step '{Scalar(step, "name")}' runs a script without 'shell'");
        }
    }

    [Fact]
    public void Docs_list_every_input()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ci.md"));

        foreach (var input in Inputs)
        {
            Assert.Contains($"| `{input}` |", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ci_examples_are_valid_yaml()
    {
        var examples = Directory.GetFiles(Path.Combine(RepoPaths.Root, ".github", "examples"), "*.yml");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            Assert.IsType<YamlMappingNode>(Load(example));
        }
    }

    private static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    [GeneratedRegex(@"\binputs\.([a-z][a-z-]*)")]
    private static partial Regex InputReference();
}

using System.Reflection;
using System.Xml.Linq;
using PolicyLint.Analysis;
using PolicyLint.Input;
using PolicyLint.Model;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Architecture;

/// <summary>The pipeline's shape, checked: arrows run one way, stage results cannot be changed, each file is decoded once.</summary>
[Collection(ProcessWideCounterCollection.Name)]
public sealed class PipelineShapeTests
{
    [Fact]
    public void Rules_reference_the_sdk_alone()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "rules", "PolicyLint.Rules.csproj"));
        var references = project.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value.Split('\\', '/')[^1]).ToList();
        Assert.Equal(["PolicyLint.Sdk.csproj"], references);
        Assert.Empty(project.Descendants("PackageReference"));
    }

    [Fact]
    public void Built_in_rules_list_every_analyzer_of_the_rules_assembly_in_id_order()
    {
        var listed = global::PolicyLint.Rules.BuiltInRules.All.Select(a => a.GetType()).ToHashSet();
        var declared = typeof(global::PolicyLint.Rules.BuiltInRules).Assembly.GetTypes()
            .Where(t => typeof(PolicyAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);
        Assert.All(declared, t => Assert.Contains(t, listed));
        var ids = global::PolicyLint.Rules.BuiltInRules.All.Select(a => a.SupportedDiagnostics[0].Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Readers_know_nothing_of_the_stages_after_them_and_open_no_files()
    {
        var readerFolders = new[] { "Intune", "Gpo", "Json" }.Select(f => Path.Combine(RepoPaths.Root, "src", "PolicyLint.Core", f));
        foreach (var file in readerFolders.SelectMany(f => Directory.GetFiles(f, "*.cs")))
        {
            var text = File.ReadAllText(file);
            foreach (var later in new[] { "PolicyLint.Pipeline", "LintEngine", "Reconciler", "Finalizer", "PolicyLint.Output", "PolicyLint.Configuration", @"\bFile\.", @"\bDirectory\." })
            {
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, later), $"{Path.GetFileName(file)} uses {later}: readers get their bytes from the read stage and hand results forward only");
            }
        }
    }

    /// <summary>Every public property of a stage result is get-only or init-only: no stage can change an earlier one's result.</summary>
    [Theory]
    [InlineData(typeof(PolicySource))]
    [InlineData(typeof(PolicySetting))]
    [InlineData(typeof(Assignment))]
    [InlineData(typeof(GroupPolicyInfo))]
    [InlineData(typeof(ReadResult))]
    [InlineData(typeof(ReadInput))]
    [InlineData(typeof(InputSet))]
    [InlineData(typeof(InputUnit))]
    [InlineData(typeof(TenantInput))]
    [InlineData(typeof(ReconciledInput))]
    [InlineData(typeof(EffectivePolicy))]
    [InlineData(typeof(EffectiveNode))]
    [InlineData(typeof(AnalyzedRun))]
    [InlineData(typeof(LintReport))]
    [InlineData(typeof(Finding))]
    public void Stage_results_are_immutable(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            var initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true;
            Assert.True(setter is null || !setter.IsPublic || initOnly, $"{type.Name}.{property.Name} can be set after construction");
            var propertyType = property.PropertyType;
            var mutable = propertyType.IsGenericType
                && propertyType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>));
            Assert.False(mutable, $"{type.Name}.{property.Name} exposes a mutable collection");
        }

        Assert.DoesNotContain(type.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name is "Add" or "Remove" or "Clear" or "AddAssignment");
    }

    [Fact]
    public void Each_input_file_is_decoded_once_per_run()
    {
        var samples = RepoPaths.Samples;
        var documents = InputCollector.Collect([samples], samples).Inputs.OfType<CollectedUnit>().Sum(u => 1L + u.Unit.Companions.Count);

        var before = DecodedDocument.DecodeCountOnThisThread;
        var report = Lint.Engine().Lint([samples], RepoPaths.Root);
        var decoded = DecodedDocument.DecodeCountOnThisThread - before;

        Assert.True(report.HasReadableInput);
        Assert.Equal(documents, decoded);
    }
}

/// <summary>
/// Tests that read a process-wide counter (<see cref="DecodedDocument.DecodeCount"/>) run alone, after the others:
/// a test linting in parallel would add its own decodes to the count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCounterCollection
{
    public const string Name = "process-wide counters";
}

using System.Reflection;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Rules;

/// <summary>One theory over every rule, so a rule is covered the day it is added.</summary>
public sealed class RuleConventionTests
{
    public static TheoryData<string> AnalyzerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var analyzer in Lint.BuiltInAnalyzers)
        {
            data.Add(analyzer.GetType().Name);
        }

        return data;
    }

    /// <summary>Every id the engine or a rule can report, with its descriptor.</summary>
    public static TheoryData<string> ReportableIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Lint.Engine().Rules.Select(r => r.Descriptor))
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Ids_are_unique_and_all_declared_in_RuleIds()
    {
        var declared = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        var reported = Lint.Engine().Rules.Select(r => r.Descriptor).Select(d => d.Id).ToList();
        Assert.Equal(reported.Count, reported.Distinct().Count());
        Assert.All(reported, id => Assert.Contains(id, declared));
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Rule_class_is_sealed_named_for_its_id_and_in_its_own_file(string typeName)
    {
        var analyzer = Lint.BuiltInAnalyzers.Single(a => a.GetType().Name == typeName);
        var type = analyzer.GetType();
        Assert.True(type.IsSealed, $"{typeName} must be sealed");
        var id = Assert.Single(analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct());
        Assert.StartsWith(id + "_", typeName, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "rules", typeName + ".cs")), $"rules/{typeName}.cs is missing");
        Assert.Equal(typeName[(id.Length + 1)..], analyzer.Name);
    }

    [Theory]
    [MemberData(nameof(ReportableIds))]
    public void Every_id_has_a_doc_page_with_the_standard_sections_and_a_matching_help_link(string id)
    {
        var descriptor = Lint.Engine().Rules.Select(r => r.Descriptor).Single(d => d.Id == id);
        Assert.Equal(RuleDescriptors.HelpLinkFor(id), descriptor.HelpLinkUri);
        Assert.EndsWith($"/rules/docs/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);

        var format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(format == "{0}" || format.EndsWith('.'), $"{id}: messages end with a period (SARIF guidance)");

        var page = Path.Combine(RepoPaths.RuleDocs, id + ".md");
        Assert.True(File.Exists(page), $"rules/docs/{id}.md is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Why it matters", "## How to fix", "## How to suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("Before", text, StringComparison.Ordinal);
        Assert.Contains("After", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Rule_reports_nothing_on_the_clean_samples(string typeName)
    {
        var analyzer = Lint.BuiltInAnalyzers.Single(a => a.GetType().Name == typeName);
        var engine = new LintEngine([analyzer]);

        var result = engine.Lint([Path.Combine(RepoPaths.Samples, "clean")], RepoPaths.Root);

        Assert.True(result.HasReadableInput, "samples/clean must hold readable policy");
        Assert.Empty(result.Diagnostics.Select(d => $"{d.Location.GetLineSpan()} {d.Id} {d.Message()}"));
    }

    [Fact]
    public void Running_the_doc_generator_would_change_no_file()
    {
        var changes = PolicyLint.DocGen.RuleDocs.Changes(RepoPaths.Root, Lint.Engine().Rules);

        Assert.True(changes.Count == 0, "generated docs are out of date (run 'dotnet run --project src/PolicyLint.DocGen'): "
            + string.Join(", ", changes.Select(c => Path.GetRelativePath(RepoPaths.Root, c.Path))));
    }

    [Fact]
    public void The_generated_readme_table_has_a_row_per_rule_with_its_name_and_level()
    {
        var table = PolicyLint.DocGen.RuleDocs.Table(Lint.Engine().Rules);
        foreach (var rule in Lint.Engine().Rules)
        {
            Assert.Contains($"| [{rule.Id}](rules/docs/{rule.Id}.md) | {rule.Name} | {Levels.NameOf(rule.Descriptor.DefaultSeverity)} |", table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_is_recorded_in_the_release_notes_with_its_name_and_level()
    {
        var releases = File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "RELEASES.md"));
        foreach (var descriptor in Lint.Engine().Rules.Select(r => r.Descriptor))
        {
            var row = $"| {descriptor.Id} | {Lint.Engine().Rules.Single(r => r.Id == descriptor.Id).Name} | {Levels.NameOf(descriptor.DefaultSeverity)} |";
            Assert.Contains(row, releases, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_doc_page_belongs_to_a_known_id()
    {
        var ids = Lint.Engine().Rules.Select(r => r.Descriptor).Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(RepoPaths.RuleDocs, "PL*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, ids));
    }
}

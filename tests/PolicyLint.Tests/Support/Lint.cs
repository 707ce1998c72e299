using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Output;
using PolicyLint.Pipeline;

namespace PolicyLint.Tests.Support;

/// <summary>Runs the real engine (all readers, all built-in rules) over real files.</summary>
public static class Lint
{
    public static IReadOnlyList<PolicyAnalyzer> BuiltInAnalyzers => global::PolicyLint.Rules.BuiltInRules.All;

    public static LintEngine Engine() => new(BuiltInAnalyzers);

    public static LintReport Paths(string workingDirectory, params string[] paths) => Engine().Lint(paths, workingDirectory);

    /// <summary>Writes each (name, marked text) to a temp folder, lints the folder, and returns findings with the marked spots.</summary>
    public static (LintReport Result, Dictionary<string, MarkedExport> Files) Marked(TempDirectory temp, params (string Name, string Text)[] files)
    {
        var parsed = new Dictionary<string, MarkedExport>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var export = MarkedExport.Parse(text);
            temp.Write(name, export.Text);
            parsed[name] = export;
        }

        return (Engine().Lint([temp.Path], temp.Path), parsed);
    }

    /// <summary>As <see cref="Marked"/>, with <paramref name="yaml"/> written to the folder's .policylint.yml and used for the run.</summary>
    public static (LintReport Result, Dictionary<string, MarkedExport> Files) MarkedWithConfig(TempDirectory temp, string yaml, params (string Name, string Text)[] files)
    {
        var config = global::PolicyLint.Configuration.PolicyLintConfig.Load(temp.Write(global::PolicyLint.Configuration.PolicyLintConfig.FileName, yaml));
        var parsed = new Dictionary<string, MarkedExport>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var export = MarkedExport.Parse(text);
            temp.Write(name, export.Text);
            parsed[name] = export;
        }

        return (Engine().Lint([temp.Path], temp.Path, config), parsed);
    }

    public static IEnumerable<Finding> Findings(this LintReport result, string ruleId) =>
        result.Findings.Where(f => f.RuleId == ruleId);

    public static string Message(this Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary><c>path(line,col)</c> of a diagnostic, as the text writer prints it.</summary>
    public static string Where(this Diagnostic diagnostic)
    {
        return FindingLocation.From(diagnostic.Location, diagnostic.Properties).ToString();
    }

    /// <summary>Asserts that the rule fired exactly at the marked spots of the file, and nowhere else.</summary>
    public static void AssertFindingsAtMarks(this LintReport result, string ruleId, string fileName, MarkedExport export)
    {
        var actual = result.Findings(ruleId)
            .Where(f => f.FilePath == fileName)
            .Select(f => (f.Line, f.Column))
            .OrderBy(x => x)
            .ToList();
        var expected = export.Spots.OrderBy(x => x).ToList();
        Xunit.Assert.True(
            expected.SequenceEqual(actual),
            $"{ruleId} in {fileName}: expected at [{string.Join(", ", expected)}], found at [{string.Join(", ", actual)}]. All findings:\n"
            + string.Join("\n", result.Diagnostics.Select(d => $"{d.Location.GetLineSpan()} {d.Id} {d.Message()}")));
    }
}


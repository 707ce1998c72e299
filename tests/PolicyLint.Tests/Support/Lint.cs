using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Output;

namespace PolicyLint.Tests.Support;

/// <summary>Runs the real engine (all readers, all built-in rules) over real files.</summary>
public static class Lint
{
    public static IReadOnlyList<PolicyAnalyzer> BuiltInAnalyzers { get; } =
        AnalysisDriver.Discover(typeof(global::PolicyLint.Rules.PL3001_CertificateTrustOverridesCloudTrust).Assembly);

    public static LintEngine Engine() => new(LintEngine.DefaultReaders, BuiltInAnalyzers);

    public static LintResult Paths(string workingDirectory, params string[] paths) => Engine().Lint(paths, workingDirectory);

    /// <summary>Writes each (name, marked text) to a temp folder, lints the folder, and returns findings with the marked spots.</summary>
    public static (LintResult Result, Dictionary<string, MarkedExport> Files) Marked(TempDirectory temp, params (string Name, string Text)[] files)
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

    public static IEnumerable<FindingView> Findings(this LintResult result, string ruleId) =>
        result.Diagnostics.Where(d => d.Id == ruleId).Select(FindingView.From);

    public static string Message(this Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary><c>path(line,col)</c> of a diagnostic, as the text writer prints it.</summary>
    public static string Where(this Diagnostic diagnostic)
    {
        var finding = FindingView.From(diagnostic);
        return new FindingLocation(finding.FilePath, finding.Line, finding.Column, finding.ByteOffset, finding.ByteLength).ToString();
    }

    /// <summary>Asserts that the rule fired exactly at the marked spots of the file, and nowhere else.</summary>
    public static void AssertFindingsAtMarks(this LintResult result, string ruleId, string fileName, MarkedExport export)
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


using System.Text;
using PolicyLint.Configuration;
using PolicyLint.CustomRules;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Golden;

/// <summary>
/// Golden samples per rule, in the style of Ruff's and sarif-sdk's snapshot tests. For every id the engine can report,
/// <c>Golden/&lt;id&gt;/fires/</c> holds a small realistic export set in which the rule fires and
/// <c>Golden/&lt;id&gt;/near-miss/</c> the closest configuration in which it must not. Each case folder holds
/// <c>input/</c> and the committed <c>expected.txt</c> and <c>expected.sarif</c>: the text and SARIF writers' output for
/// <c>input</c> linted by the real engine with the case folder as working directory (so paths read <c>input/...</c>);
/// a case with a <c>rules/</c> folder runs those custom rules too (<c>--rules rules</c>).
/// The folders are read where they are in the source tree, never copied to the build output.
/// After a deliberate change, run the tests with POLICYLINT_UPDATE_SNAPSHOTS=1 to rewrite the expected files (the run
/// still fails, so CI never passes on an update), review the diff, then run again without it.
/// </summary>
[Collection(RunsAloneCollection.Name)]
public sealed class GoldenSnapshotTests
{
    public const string UpdateVariable = "POLICYLINT_UPDATE_SNAPSHOTS";
    public const string Fires = "fires";
    public const string NearMiss = "near-miss";

    /// <summary>
    /// The version the snapshots show: the real one changes with every release and would rewrite every expected.sarif
    /// without any finding having changed (Ruff's snapshots filter the version out for the same reason).
    /// </summary>
    public const string SnapshotToolVersion = "0.0.0-golden";

    private static readonly string[] CaseKinds = [Fires, NearMiss];

    private static readonly string[] ExpectedFiles = ["expected.txt", "expected.sarif"];

    /// <summary>A case folder's optional folder of custom rules (C# files, not compiled into this test assembly).</summary>
    private const string RulesFolder = "rules";

    public static string GoldenRoot { get; } = Path.Combine(RepoPaths.Root, "tests", "PolicyLint.Tests", "Golden");

    /// <summary>Every case folder on disk, as (rule id, case kind).</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var ruleFolder in Directory.GetDirectories(GoldenRoot).Order(StringComparer.Ordinal))
        {
            foreach (var kind in CaseKinds.Where(k => Directory.Exists(Path.Combine(ruleFolder, k))))
            {
                data.Add(Path.GetFileName(ruleFolder), kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_committed_snapshots(string ruleId, string kind)
    {
        var folder = CaseFolder(ruleId, kind);
        var report = LintCase(folder) with { ToolVersion = SnapshotToolVersion };
        var actual = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["expected.txt"] = Render(new TextReportWriter(), report),
            ["expected.sarif"] = Render(new SarifReportWriter(), report),
        };

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var rewritten = actual.Where(pair => Rewrite(Path.Combine(folder, pair.Key), pair.Value)).Select(pair => pair.Key).ToList();
            Assert.Fail($"{UpdateVariable}=1: {ruleId}/{kind}: "
                + (rewritten.Count == 0 ? "the snapshots were already up to date" : "rewrote " + string.Join(" and ", rewritten))
                + "; review the diff, then run the tests again without the variable.");
        }

        var mismatches = new StringBuilder();
        foreach (var (file, text) in actual)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                mismatches.Append($"{ruleId}/{kind}/{file} is missing.\n");
                continue;
            }

            var expected = Normalize(File.ReadAllText(path));
            if (expected != text)
            {
                mismatches.Append($"{ruleId}/{kind}/{file} differs (- expected, + actual):\n").Append(LineDiff.Describe(expected, text)).Append('\n');
            }
        }

        Assert.True(mismatches.Length == 0,
            mismatches + $"If the change is intended, run the tests with {UpdateVariable}=1 to rewrite the snapshots and review the diff.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fires_case_reports_its_rule_and_near_miss_case_does_not(string ruleId, string kind)
    {
        var report = LintCase(CaseFolder(ruleId, kind));

        var count = report.Findings.Count(f => f.RuleId == ruleId);
        var all = string.Join("\n", report.Findings.Select(f => $"  {f.Location}: {f.RuleId}: {f.Message}"));
        if (kind == Fires)
        {
            Assert.True(count > 0, $"{ruleId}/{kind}: {ruleId} must fire at least once, but the findings are:\n{all}");
        }
        else
        {
            Assert.True(count == 0, $"{ruleId}/{kind}: {ruleId} must not fire, but it fired {count} time(s):\n{all}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Committed_sarif_snapshot_validates_against_the_schema(string ruleId, string kind)
    {
        var path = Path.Combine(CaseFolder(ruleId, kind), "expected.sarif");
        Assert.True(File.Exists(path), $"{ruleId}/{kind}/expected.sarif is missing; run the tests with {UpdateVariable}=1 to write it");

        SarifSchema.AssertValid(File.ReadAllText(path));
    }

    /// <summary>A new rule without goldens fails here; so does a golden folder left behind by a removed rule.</summary>
    [Fact]
    public void Every_reportable_id_has_a_fires_and_a_near_miss_case_and_every_case_folder_belongs_to_one()
    {
        var ids = Lint.Engine().Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            foreach (var kind in CaseKinds)
            {
                var folder = CaseFolder(id, kind);
                if (!Directory.Exists(Path.Combine(folder, "input")) || !Directory.EnumerateFiles(Path.Combine(folder, "input"), "*", SearchOption.AllDirectories).Any())
                {
                    problems.Add($"{id}/{kind}/input/ is missing or empty");
                }

                problems.AddRange(ExpectedFiles.Where(f => !File.Exists(Path.Combine(folder, f))).Select(f => $"{id}/{kind}/{f} is missing"));
            }
        }

        foreach (var ruleFolder in Directory.GetDirectories(GoldenRoot).Select(Path.GetFileName))
        {
            if (!ids.Contains(ruleFolder!))
            {
                problems.Add($"{ruleFolder}/ is not an id the engine can report");
                continue;
            }

            problems.AddRange(Directory.GetDirectories(Path.Combine(GoldenRoot, ruleFolder!)).Select(Path.GetFileName)
                .Where(kind => !CaseKinds.Contains(kind))
                .Select(kind => $"{ruleFolder}/{kind}/ is neither '{Fires}' nor '{NearMiss}'"));
        }

        Assert.True(problems.Count == 0, "Golden samples (tests/PolicyLint.Tests/Golden):\n" + string.Join("\n", problems));
    }

    private static string CaseFolder(string ruleId, string kind) => Path.Combine(GoldenRoot, ruleId, kind);

    /// <summary>
    /// The case's <c>input</c> linted from the case folder with the case's own <c>.policylint.yml</c> (beside
    /// <c>input/</c>), if it has one; a case that also holds <c>rules/</c> runs those custom rules beside the built-in
    /// ones, as <c>policylint lint input --rules rules</c> would (PL0002's cases need a rule that fails).
    /// </summary>
    private static LintReport LintCase(string folder)
    {
        var configPath = Path.Combine(folder, PolicyLintConfig.FileName);
        var config = File.Exists(configPath) ? PolicyLintConfig.Load(configPath) : null;
        if (!Directory.Exists(Path.Combine(folder, RulesFolder)))
        {
            return Lint.Engine().Lint(["input"], folder, config);
        }

        using var custom = CustomRuleLoader.Load(RulesFolder, folder, Lint.Engine().Rules);
        return new LintEngine([.. Lint.BuiltInAnalyzers, .. custom.Analyzers], custom.Files).Lint(["input"], folder, config);
    }

    private static string Render(IReportWriter writer, LintReport report)
    {
        using var output = new StringWriter();
        writer.Write(report, output);
        return Normalize(output.ToString());
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    /// <summary>Writes the file when its content differs; true when it did.</summary>
    private static bool Rewrite(string path, string text)
    {
        if (File.Exists(path) && Normalize(File.ReadAllText(path)) == text)
        {
            return false;
        }

        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return true;
    }

    /// <summary>A line diff in unified style (shortest edit by longest common subsequence; snapshots are a few hundred lines).</summary>
    private static class LineDiff
    {
        private const int Context = 2;

        public static string Describe(string expected, string actual)
        {
            var a = expected.Split('\n');
            var b = actual.Split('\n');
            var lcs = new int[a.Length + 1, b.Length + 1];
            for (var i = a.Length - 1; i >= 0; i--)
            {
                for (var j = b.Length - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            // (marker, expected line number, text) for each line of the edit script.
            var script = new List<(char Marker, int Line, string Text)>();
            int x = 0, y = 0;
            while (x < a.Length || y < b.Length)
            {
                if (x < a.Length && y < b.Length && a[x] == b[y])
                {
                    script.Add((' ', x + 1, a[x]));
                    (x, y) = (x + 1, y + 1);
                }
                else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    script.Add(('-', x + 1, a[x]));
                    x++;
                }
                else
                {
                    script.Add(('+', x + 1, b[y]));
                    y++;
                }
            }

            var text = new StringBuilder();
            var lastShown = -1;
            for (var k = 0; k < script.Count; k++)
            {
                var nearChange = Enumerable.Range(Math.Max(0, k - Context), Math.Min(script.Count, k + Context + 1) - Math.Max(0, k - Context))
                    .Any(n => script[n].Marker != ' ');
                if (!nearChange)
                {
                    continue;
                }

                if (lastShown == -1 || k != lastShown + 1)
                {
                    text.Append($"@@ expected line {script[k].Line} @@\n");
                }

                text.Append(script[k].Marker).Append(' ').Append(script[k].Text).Append('\n');
                lastShown = k;
            }

            return text.ToString();
        }
    }
}

/// <summary>
/// Test classes that must not run beside others: they run alone, after the parallel collections. The golden tests lint
/// many small inputs, and a test that counts process-wide decodes (PipelineShapeTests) must not see theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}

using System.Globalization;
using PolicyLint.Benchmarks;
using PolicyLint.Input;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Tests.Corpus;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Performance;

/// <summary>
/// The read stage's prefilter must never change what a lint finds: every sample folder, golden-case input, fixture
/// folder, the real corpus and a synthetic tenant are linted with the prefilter and with every document parsed, and
/// the findings, the skipped-file count and what each file gave (sources, read errors, group names) must be the same.
/// </summary>
public sealed class PrefilterEquivalenceTests
{
    private static readonly LintEngine WithPrefilter = new(ReadStage.AlwaysPrefilter, Lint.BuiltInAnalyzers);
    private static readonly LintEngine FullParse = new(ReadStage.WithoutPrefilter, Lint.BuiltInAnalyzers);

    /// <summary>Folders below the repository root: samples (each folder and all of them), every golden input, test fixtures.</summary>
    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string> { "samples" };
        foreach (var folder in Directory.GetDirectories(RepoPaths.Samples).Order(StringComparer.Ordinal))
        {
            data.Add(Relative(folder));
        }

        var golden = Path.Combine(RepoPaths.Root, "tests", "PolicyLint.Tests", "Golden");
        foreach (var input in Directory.GetDirectories(golden, "input", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Relative(input));
        }

        // Fixture files that are JSON but no policy (the SARIF schema) and the corpus snapshots.
        data.Add(Relative(Path.Combine(RepoPaths.Root, "tests", "PolicyLint.Tests", "Schemas")));
        data.Add(Relative(Path.Combine(RepoPaths.Root, "tests", "PolicyLint.Tests", "Corpus", "expected")));
        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_lints_the_same_with_and_without_the_prefilter(string folder) =>
        AssertSameLint(RepoPaths.Root, folder);

    [CorpusFact]
    public void The_real_corpus_lints_the_same_with_and_without_the_prefilter() =>
        AssertSameLint(CorpusTests.CorpusRoot!, ".");

    /// <summary>
    /// The benchmark tenant: one profile in ten WHfB, the rest unrelated (with apostrophes escaped as \u0027, JSON text
    /// in Edge settings, MDMWinsOverGP), group list pages and a migration table.
    /// </summary>
    [Fact]
    public void The_synthetic_tenant_lints_the_same_and_most_of_it_is_not_parsed()
    {
        using var temp = new TempDirectory();
        SyntheticTenant.WriteTo(temp.Path, profiles: 300);

        var (withPrefilter, _) = AssertSameLint(temp.Path, ".");

        var unparsed = withPrefilter.Files.Count(IsSkippedUnparsed);
        Assert.True(unparsed * 10 >= withPrefilter.Files.Length * 8,
            $"the prefilter skipped {unparsed} of {withPrefilter.Files.Length} files unparsed; nine in ten profiles are not WHfB, so most should be");
        Assert.True(withPrefilter.FilesLinted > 0);
    }

    /// <summary>Lints <paramref name="folder"/> both ways and reports every difference at once.</summary>
    private static (LintReport WithPrefilter, LintReport FullParse) AssertSameLint(string workingDirectory, string folder)
    {
        var fast = WithPrefilter.Lint([folder], workingDirectory);
        var full = FullParse.Lint([folder], workingDirectory);

        var differences = new List<string>();
        var fastFindings = fast.Findings.Select(Describe).ToList();
        var fullFindings = full.Findings.Select(Describe).ToList();
        differences.AddRange(fullFindings.Except(fastFindings).Select(f => "only with every file parsed: " + f));
        differences.AddRange(fastFindings.Except(fullFindings).Select(f => "only with the prefilter: " + f));
        if (fast.FilesSkipped != full.FilesSkipped || fast.FilesLinted != full.FilesLinted)
        {
            differences.Add($"files skipped/linted: {fast.FilesSkipped}/{fast.FilesLinted} with the prefilter, {full.FilesSkipped}/{full.FilesLinted} with every file parsed");
        }

        var fullByPath = full.Files.ToDictionary(f => f.FilePath, StringComparer.Ordinal);
        foreach (var file in fast.Files)
        {
            if (!fullByPath.TryGetValue(file.FilePath, out var parsed))
            {
                differences.Add($"{file.FilePath}: read only with the prefilter");
                continue;
            }

            if (Outcome(file) != Outcome(parsed))
            {
                differences.Add($"{file.FilePath}: {Outcome(file)} with the prefilter, {Outcome(parsed)} with every file parsed");
            }
        }

        // Group names are used up by the reconcile stage: compared as the read stage gives them.
        var inputs = InputCollector.Collect([folder], workingDirectory);
        var fastRead = ReadStage.AlwaysPrefilter.Read(inputs);
        var fullRead = ReadStage.WithoutPrefilter.Read(inputs);
        for (var i = 0; i < fullRead.Length; i++)
        {
            if (GroupNames(fastRead[i].Result) != GroupNames(fullRead[i].Result))
            {
                differences.Add($"{fullRead[i].Result.FilePath}: groups {GroupNames(fastRead[i].Result)} with the prefilter, {GroupNames(fullRead[i].Result)} with every file parsed");
            }
        }

        var unparsed = fast.Files.Count(IsSkippedUnparsed);
        Assert.True(differences.Count == 0,
            $"{folder} ({fast.Files.Length} files, {unparsed} skipped unparsed) lints differently with the prefilter:\n" + string.Join("\n", differences));
        return (fast, full);
    }

    private static string Describe(Finding finding) => $"{finding.RuleId} {finding.Location} {finding.Message}";

    /// <summary>What a file gave, apart from notes and the wording of a skip reason.</summary>
    private static string Outcome(ReadResult file) => string.Create(CultureInfo.InvariantCulture,
        $"{file.Sources.Length} source(s), {(file.HasErrors ? "read errors" : "no read error")}, {(file.SkipReason is null ? "not skipped" : "skipped")}");

    private static string GroupNames(ReadResult file) =>
        "[" + string.Join(",", file.GroupNames.OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Key + "=" + g.Value)) + "]";

    private static bool IsSkippedUnparsed(ReadResult file) =>
        file.SkipReason?.Contains("seen without parsing it", StringComparison.Ordinal) == true;

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
}

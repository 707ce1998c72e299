using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Input;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Corpus;

/// <summary>
/// The real exports in ../shared/corpus/real (read there, never copied): every file reads without a read error, and
/// every WHfB setting comes out with the node, scope, value and line:column recorded in Corpus/expected/. Run with
/// POLICYLINT_UPDATE_SNAPSHOTS=1 to rewrite the expected files after a deliberate change, then review the diff.
/// </summary>
public sealed class CorpusTests
{
    public const string SkipReason = "../shared/corpus/real is not beside the checkout: the real-export corpus tests need it";

    public static string? CorpusRoot =>
        RepoPaths.Shared is { } shared && Directory.Exists(Path.Combine(shared, "corpus", "real")) ? Path.Combine(shared, "corpus", "real") : null;

    private static string ExpectedFolder => Path.Combine(RepoPaths.Root, "tests", "PolicyLint.Tests", "Corpus", "expected");

    [CorpusFact]
    public void Every_corpus_file_reads_without_a_read_error()
    {
        var result = Lint.Engine().Lint([CorpusRoot!], CorpusRoot!);

        var failing = result.Files
            .Where(f => f.HasErrors)
            .Select(f => $"{f.FilePath}: {string.Join("; ", f.Problems.Where(p => p.Severity == ProblemSeverity.Error))}")
            .ToList();
        Assert.True(failing.Count == 0, "corpus files with read errors:\n" + string.Join("\n", failing));
    }

    [CorpusFact]
    public void Every_intune_export_in_the_corpus_yields_whfb_settings()
    {
        var result = Lint.Engine().Lint([CorpusRoot!], CorpusRoot!);

        var intune = result.Files.Where(f => f.FilePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(intune);
        // The _Settings companion repeats its intent and is read once, from the intent's file (with a note).
        var empty = intune.Where(f => f.Sources.Length == 0 && !f.FilePath.Contains("_Settings", StringComparison.Ordinal)).Select(f => f.FilePath).ToList();
        Assert.True(empty.Count == 0, "Intune exports from which nothing was read:\n" + string.Join("\n", empty));
    }

    public static TheoryData<string> CorpusFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "account-protection", "custom-oma", "enrollment-whfb", "settings-catalog" })
        {
            data.Add(folder);
        }

        return data;
    }

    /// <summary>Each corpus folder read on its own: the settings, sources and notes match the expected file.</summary>
    [CorpusTheory]
    [MemberData(nameof(CorpusFolders))]
    public void Corpus_folder_normalizes_to_the_expected_settings(string folder)
    {
        var result = Lint.Engine().Lint([Path.Combine(CorpusRoot!, folder)], CorpusRoot!);
        var actual = Normalized.Files(result.Files, text => text.Replace(CorpusRoot! + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));

        var expectedPath = Path.Combine(ExpectedFolder, folder + ".txt");
        if (Environment.GetEnvironmentVariable("POLICYLINT_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(ExpectedFolder);
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run the tests with POLICYLINT_UPDATE_SNAPSHOTS=1 to write it");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }
}

using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using Xunit.Abstractions;

namespace PolicyLint.Tests.Corpus;

/// <summary>
/// Reads every real export in ../shared/corpus/real (published by others, never copied into this repository).
/// When ../shared is absent the tests say so and pass without reading anything.
/// </summary>
public sealed class RealCorpusTests
{
    private readonly ITestOutputHelper _output;

    public RealCorpusTests(ITestOutputHelper output) => _output = output;

    private string? CorpusFolder(string kind)
    {
        var shared = RepoPaths.Shared;
        if (shared is null)
        {
            _output.WriteLine("SKIPPED: ../shared is not beside the checkout, so the real corpus cannot be read.");
            return null;
        }

        return Path.Combine(shared, "corpus", "real", kind);
    }

    [Fact]
    public void Every_corpus_file_reads_without_a_read_error()
    {
        var folder = CorpusFolder(string.Empty);
        if (folder is null)
        {
            return;
        }

        var result = Lint.Paths(folder, ".");

        var errors = result.Findings(RuleIds.InputNotReadable).Select(f => $"{f.FilePath}({f.Line},{f.Column}): {f.Message}").ToList();
        Assert.True(errors.Count == 0, "corpus files with read errors:\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData("settings-catalog")]
    [InlineData("custom-oma")]
    public void Every_settings_catalog_and_oma_file_yields_whfb_settings(string kind)
    {
        var folder = CorpusFolder(kind);
        if (folder is null)
        {
            return;
        }

        var result = Lint.Paths(folder, ".");

        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        var withSettings = result.Files.Where(f => f.Sources.Any(s => s.Settings.Count > 0)).Select(f => Path.GetFileName(f.FilePath)).ToList();
        Assert.Equal(files.Order(), withSettings.Order());
        Assert.All(result.Files.SelectMany(f => f.Sources).SelectMany(s => s.Settings), s =>
        {
            Assert.True(s.Location.Line > 0 && s.Location.Column > 0, $"{s} has no position");
            Assert.NotNull(s.Node);
        });
    }

    [Fact]
    public void The_oib_cloud_trust_oma_profile_keeps_its_tenant_placeholder_finding()
    {
        var folder = CorpusFolder("custom-oma");
        if (folder is null)
        {
            return;
        }

        var finding = Assert.Single(Lint.Paths(folder, ".").Findings(RuleIds.TenantIdPlaceholder));
        Assert.Equal("oib-2022-whfb-hybrid-cloud-trust-oma.utf16.json", finding.FilePath);
        Assert.Contains("'{TenantID}'", finding.Message, StringComparison.Ordinal);
    }
}

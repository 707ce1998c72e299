using PolicyLint.Analysis;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Corpus;

/// <summary>
/// What the real Settings Catalog and custom OMA-URI exports must give (read in ../shared, never copied here);
/// the whole-corpus read-error check is in <see cref="CorpusTests"/>.
/// </summary>
public sealed class RealCorpusTests
{
    [CorpusTheory]
    [InlineData("settings-catalog")]
    [InlineData("custom-oma")]
    public void Every_settings_catalog_and_oma_file_yields_located_whfb_settings(string kind)
    {
        var folder = Path.Combine(CorpusTests.CorpusRoot!, kind);

        var result = Lint.Paths(folder, ".");

        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        var withSettings = result.Files.Where(f => f.Sources.Any(s => s.Settings.Length > 0)).Select(f => Path.GetFileName(f.FilePath)).ToList();
        Assert.Equal(files.Order(), withSettings.Order());
        Assert.All(result.Files.SelectMany(f => f.Sources).SelectMany(s => s.Settings), s =>
        {
            Assert.True(s.Location.Line > 0 && s.Location.Column > 0, $"{s} has no position");
            Assert.NotNull(s.Node);
        });
    }

    [CorpusFact]
    public void The_oib_cloud_trust_oma_profile_keeps_its_tenant_placeholder_finding()
    {
        var folder = Path.Combine(CorpusTests.CorpusRoot!, "custom-oma");

        var finding = Assert.Single(Lint.Paths(folder, ".").Findings(RuleIds.TenantIdPlaceholder));
        Assert.Equal("oib-2022-whfb-hybrid-cloud-trust-oma.utf16.json", finding.FilePath);
        Assert.Contains("'{TenantID}'", finding.Message, StringComparison.Ordinal);
    }
}

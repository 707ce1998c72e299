using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL4010_DeprecatedNodeTests
{
    [Theory]
    [InlineData("./Device/Vendor/MSFT/PassportForWork/UseBiometrics")]
    [InlineData("./Vendor/MSFT/PassportForWork/UseBiometrics")]
    public void Fires_at_the_deprecated_node_and_names_its_replacement(string uri)
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Biometrics", OmaBoolean($"[|\"{uri}\"|]", "false"));

        var (result, files) = Lint.Marked(temp, ("oma.json", export));

        result.AssertFindingsAtMarks(RuleIds.DeprecatedNode, "oma.json", files["oma.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.DeprecatedNode));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains($"sets '{uri}' to false", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set './Device/Vendor/MSFT/PassportForWork/Biometrics/UseBiometrics' to false", finding.Message, StringComparison.Ordinal);
        Assert.Contains("assignments not in the export", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_the_replacement_node()
    {
        using var temp = new TempDirectory();
        var export = CustomOma("Biometrics", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/Biometrics/UseBiometrics\"", "false"));

        var (result, _) = Lint.Marked(temp, ("oma.json", export));

        Assert.Empty(result.Findings(RuleIds.DeprecatedNode));
    }

    [Fact]
    public void The_catalogue_names_the_replacement_of_every_deprecated_node()
    {
        Assert.All(PassportForWorkCatalog.All.Where(n => n.IsDeprecated), n => Assert.NotNull(n.ReplacedBy));
        Assert.Same(PassportForWorkCatalog.UseBiometrics, PassportForWorkCatalog.LegacyUseBiometrics.ReplacedBy);
    }
}

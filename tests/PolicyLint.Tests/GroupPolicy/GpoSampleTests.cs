using PolicyLint.Analysis;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.GroupPolicy;

/// <summary>samples/gpo alone: a GPMC -All report, a Backup-GPO folder and an Intune profile that meet on hybrid devices.</summary>
public sealed class GpoSampleTests
{
    private static string Folder => Path.Combine(RepoPaths.Samples, "gpo");

    [Fact]
    public void The_backup_gpo_is_read_once()
    {
        // Which rules fire on samples/gpo is checked with every sample folder in Rules/SampleTests.
        var result = Lint.Paths(RepoPaths.Root, Folder);

        // The backup's GPO is read once: from its gpreport.xml (metadata, links) and registry.pol (settings).
        Assert.Single(result.Policy.Sources, s => s.DisplayName == "WHfB - Hybrid Users");
    }

    [Fact]
    public void The_sample_registry_pol_is_what_the_PReg_writer_produces()
    {
        const string Key = @"Software\Policies\Microsoft\PassportForWork";
        var expected = new PRegWriter().Dword(Key, "Enabled", 1).Dword(Key, "UseCloudTrustForOnPremAuth", 1).ToArray();
        var pol = Directory.GetFiles(Folder, "registry.pol", SearchOption.AllDirectories).Single();

        Assert.Equal(expected, File.ReadAllBytes(pol));
    }
}

using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Configuration;

/// <summary>Baseline repositories hold policies with "assignments": [] that are about to be assigned.</summary>
public sealed class AssumeAssignedTests
{
    private static void WriteUnassignedTrustPair(TempDirectory temp)
    {
        temp.Write("cloud.json", SettingsCatalog("WHfB - Cloud Kerberos Trust", Choice("usecloudtrustforonpremauth", "true"), "[]", id: "11111111-0000-0000-0000-0000000000a1"));
        temp.Write("cert.json", CustomOma("WHfB - Certificate Trust", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth\"", "true"), "[]"));
    }

    [Fact]
    public void Unassigned_profiles_are_checked_against_each_other_when_assume_assigned_is_set()
    {
        using var temp = new TempDirectory();
        WriteUnassignedTrustPair(temp);

        // Without it, the pair is a note: it takes effect once both are assigned to the same devices.
        var (_, without) = TestConsole.Run(temp.Path, "lint", ".", "--fail-on", "none");
        Assert.Contains($"note {RuleIds.CertificateTrustOverridesCloudTrust}", without.StdOut, StringComparison.Ordinal);
        Assert.Contains("takes effect once both are assigned to the same devices", without.StdOut, StringComparison.Ordinal);

        temp.Write(".policylint.yml", "assumeAssigned: true\n");
        var (exit, with) = TestConsole.Run(temp.Path, "lint", ".");
        Assert.Equal(1, exit);
        Assert.Contains($"error {RuleIds.CertificateTrustOverridesCloudTrust}", with.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Assume_assigned_takes_true_or_false_only()
    {
        using var temp = new TempDirectory();
        WriteUnassignedTrustPair(temp);
        temp.Write(".policylint.yml", "assumeAssigned: sometimes\n");

        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Equal(2, exit);
        Assert.Contains(".policylint.yml(1,17): assumeAssigned is 'sometimes': expected true or false", console.StdErr, StringComparison.Ordinal);
    }
}

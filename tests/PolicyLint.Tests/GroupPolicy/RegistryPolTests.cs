using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Gpo;
using PolicyLint.Model;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.GroupPolicy;

public sealed class RegistryPolTests
{
    private const string Key = @"SOFTWARE\Policies\Microsoft\PassportForWork";

    [Fact]
    public void Parses_every_value_type_and_the_deletion_markers()
    {
        var writer = new PRegWriter()
            .Dword(Key, "Enabled", 1)
            .String(Key, "Text", "hello")
            .String(Key, "Expand", "%SystemRoot%", type: 2)
            .MultiString(Key, "Multi", "a", "b")
            .Qword(Key, "Big", 0x1_0000_0001)
            .Binary(Key, "Blob", [1, 2, 3])
            .Record(Key, "BigEndian", 5, [0, 0, 0, 7])
            .Dword(Key, "**del.Old", 0)
            .String(Key, "**delvals.", " ")
            .String(Key, "**DeleteValues", "A;B")
            .String(Key, "**DeleteKeys", @"SOFTWARE\X")
            .String(Key, "**DelVals", " ");

        var pol = RegistryPolFile.Parse(writer.ToArray());

        Assert.Empty(pol.Problems);
        Assert.Equal(12, pol.Records.Count);
        Assert.Equal(1, pol.Records[0].Number);
        Assert.Equal(8, pol.Records[0].Offset);
        Assert.Equal("hello", pol.Records[1].Text);
        Assert.Equal(RegistryValueType.ExpandString, pol.Records[2].Type);
        Assert.Equal(["a", "b"], pol.Records[3].MultiText!);
        Assert.Equal(0x1_0000_0001, pol.Records[4].Number);
        Assert.Equal(RegistryValueType.Binary, pol.Records[5].Type);
        Assert.Equal(7, pol.Records[6].Number);
        Assert.Equal((RegistryPolAction.DeleteValue, "Old"), (pol.Records[7].Action, pol.Records[7].TargetValueName));
        Assert.Equal(
            [RegistryPolAction.DeleteAllValues, RegistryPolAction.DeleteValues, RegistryPolAction.DeleteKeys, RegistryPolAction.DeleteAllValues],
            pol.Records.Skip(8).Select(r => r.Action));
    }

    [Fact]
    public void A_deletion_marker_removes_an_earlier_value_and_the_rest_become_settings_with_byte_locations()
    {
        using var temp = new TempDirectory();
        var writer = new PRegWriter().Dword(Key, "Enabled", 1);
        var cloudTrustOffset = writer.Position;
        writer.Dword(Key, "UseCloudTrustForOnPremAuth", 1)
            .Dword(Key + @"\PINComplexity", "MinimumPINLength", 6)
            .Dword(Key + @"\PINComplexity", "**del.MinimumPINLength", 0);
        temp.WriteBytes("Machine/Registry.pol", writer.ToArray());

        var result = Lint.Paths(temp.Path, ".");

        var source = result.Files.Single().Sources.Single();
        Assert.Equal(["UsePassportForWork=true", "UseCloudTrustForOnPremAuth=true"], source.Settings.Select(s => $"{s.Node!.Name}={s.Value}"));
        var cloud = source.Settings[1];
        Assert.True(cloud.Location.IsBinary);
        Assert.Equal(cloudTrustOffset, cloud.NameLocation.Offset);
        Assert.Equal(4, cloud.Location.Length);
        Assert.Equal(PolicyScope.Device, cloud.Scope);
        Assert.False(source.GroupPolicy!.LinksKnown);
    }

    public static TheoryData<string, byte[], int> Hostile()
    {
        var good = new PRegWriter().Dword(Key, "Enabled", 1);
        var recordStart = good.Position;
        var data = new TheoryData<string, byte[], int>();

        var lyingSize = new PRegWriter().Dword(Key, "Enabled", 1).Record(Key, "RequireSecurityDevice", 4, [1, 0, 0, 0], declaredSize: 0x7FFF_FFF0).ToArray();
        data.Add("declares", lyingSize, -1);

        var truncated = good.ToArray()[..^3];
        data.Add("declares 4 data bytes", truncated, -1);

        var noOpen = new PRegWriter().Dword(Key, "Enabled", 1).Raw(Encoding.Unicode.GetBytes("X")).ToArray();
        data.Add("'['", noOpen, recordStart);

        var odd = new PRegWriter().Dword(Key, "Enabled", 1).Raw([0x5B]).ToArray();
        data.Add("odd number of bytes", odd, recordStart);

        var oddString = new PRegWriter().Record(Key, "Text", 1, [0x41, 0x00, 0x42]).ToArray();
        data.Add("even byte count", oddString, -1);

        var noNul = new PRegWriter().Char('[').Raw(Encoding.Unicode.GetBytes(Key)).Char(']').ToArray();
        data.Add("not NUL-terminated", noNul, -1);

        var badVersion = new byte[] { 0x50, 0x52, 0x65, 0x67, 0x02, 0x00, 0x00, 0x00 };
        data.Add("version 2", badVersion, 4);
        return data;
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_truncated_or_lying_file_is_an_error_with_its_byte_offset(string expected, byte[] bytes, int offset)
    {
        using var temp = new TempDirectory();
        temp.WriteBytes("Machine/Registry.pol", bytes);

        var result = Lint.Paths(temp.Path, ".");

        var error = Assert.Single(result.Diagnostics, d => d.Id == RuleIds.InputNotReadable);
        Assert.Contains(expected, error.Message(), StringComparison.Ordinal);
        var finding = result.Findings(RuleIds.InputNotReadable).Single();
        Assert.NotNull(finding.Location.ByteOffset);
        Assert.InRange(finding.Location.ByteOffset!.Value, 0, bytes.Length);
        if (offset >= 0)
        {
            Assert.Equal(offset, finding.Location.ByteOffset);
        }
    }

    [Fact]
    public void A_huge_declared_size_allocates_nothing_beyond_the_file()
    {
        var bytes = new PRegWriter().Record(Key, "Enabled", 3, [], declaredSize: uint.MaxValue).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var pol = RegistryPolFile.Parse(bytes);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
        Assert.Single(pol.Problems);
        Assert.Empty(pol.Records);
    }

    [Fact]
    public void A_user_registry_pol_reads_in_user_scope()
    {
        using var temp = new TempDirectory();
        temp.WriteBytes("{0F3A9C2E-5B7D-4E61-8A24-C9D3E1F70B56}/User/Registry.pol", new PRegWriter().Dword(Key, "Enabled", 0).ToArray());

        var source = Lint.Paths(temp.Path, ".").Files.Single().Sources.Single();

        Assert.Equal("{0F3A9C2E-5B7D-4E61-8A24-C9D3E1F70B56}", source.Id);
        var setting = Assert.Single(source.Settings);
        Assert.Equal((PolicyScope.User, "false"), (setting.Scope, setting.Value.ToString()));
    }
}

using System.Text.Json;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

public sealed class TextAndJsonWriterTests
{
    [Fact]
    public void Text_output_is_compiler_style_with_the_policy_name_and_a_summary()
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/intune");

        Assert.Equal(1, exit);
        var lines = console.StdOut.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines[..^1], line => Assert.Matches(@"^samples/intune/.+\.json\(\d+,\d+\): (error|warning|note) PL\d{4}: .+\. \[[^\]]+\]$", line));
        Assert.Equal("4 errors, 1 warning, 1 note in 5 files", lines[^1]);
    }

    [Fact]
    public void Json_output_lists_findings_with_locations_and_a_summary()
    {
        var (_, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/intune", "--format", "json");

        var root = JsonDocument.Parse(console.StdOut).RootElement;
        Assert.Equal(4, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(5, root.GetProperty("summary").GetProperty("filesLinted").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["PL4003", "PL5001", "PL3001", "PL2001", "PL4002", "PL4001"], findings.Select(f => f.GetProperty("ruleId").GetString()));
        var pl3001 = findings[2];
        Assert.Equal("CertificateTrustOverridesCloudTrust", pl3001.GetProperty("ruleName").GetString());
        Assert.Equal("WHfB - Cloud Kerberos Trust", pl3001.GetProperty("policy").GetString());
        Assert.Equal(52, pl3001.GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal("samples/intune/WHfB - Certificate Trust (legacy).custom-oma.json", pl3001.GetProperty("relatedLocations")[0].GetProperty("file").GetString());
    }
}

using System.Text;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Pipeline;
using PolicyLint.Output;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Readers;

public sealed class IntuneJsonReaderTests
{
    private static List<(string Node, PolicyScope Scope, string Value, int Line)> Normalized(LintReport result) =>
        [.. result.Files.SelectMany(f => f.Sources).SelectMany(s => s.Settings)
            .Select(s => (s.Node?.Id ?? s.WrittenName, s.Scope, s.Value.ToString(), s.Location.Line))];

    [Fact]
    public void Settings_catalog_sample_normalizes_to_nodes_scopes_values_and_lines()
    {
        var result = Lint.Paths(RepoPaths.Root, "samples/intune/WHfB - Cloud Kerberos Trust.settings-catalog.json");

        var source = Assert.Single(result.Files.SelectMany(f => f.Sources));
        Assert.Equal(SourceKind.SettingsCatalog, source.Kind);
        Assert.Equal("WHfB - Cloud Kerberos Trust", source.DisplayName);
        Assert.Equal(AssignmentState.Assigned, source.AssignmentState);
        Assert.Equal("7c1d2e3f-0000-4000-8000-00000000a001", Assert.Single(source.Assignments).GroupId);
        Assert.Equal(
            [
                ("Policy/Config/Kerberos/CloudKerberosTicketRetrievalEnabled", PolicyScope.Device, "1", 21),
                ("PassportForWork/{TenantId}/Policies/UsePassportForWork", PolicyScope.Device, "true", 42),
                ("PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth", PolicyScope.Device, "true", 52),
                ("PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength", PolicyScope.Device, "6", 63),
            ],
            Normalized(result));
    }

    [Fact]
    public void Custom_oma_sample_normalizes_to_nodes_scopes_values_and_lines()
    {
        var result = Lint.Paths(RepoPaths.Root, "samples/clean/WHfB - Security Key Sign-in.custom-oma.json");

        Assert.Equal(
            [
                ("PassportForWork/SecurityKey/UseSecurityKeyForSignin", PolicyScope.Device, "1", 16),
                ("PassportForWork/{TenantId}/Policies/PINComplexity/History", PolicyScope.Device, "5", 26),
            ],
            Normalized(result));
    }

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "utf-8", [] },
        { "utf-8 with BOM", [0xEF, 0xBB, 0xBF] },
        { "utf-16le with BOM", [0xFF, 0xFE] },
        { "utf-16le without BOM", [] },
        { "utf-16be with BOM", [0xFE, 0xFF] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Reads_every_encoding_windows_writes_with_the_same_lines_and_columns(string encodingName, byte[] preamble)
    {
        var text = CustomOma("Encoded", OmaBoolean($"\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/RequireSecurityDevice\"", "true")).Replace("\n", "\r\n", StringComparison.Ordinal);
        Encoding encoding = encodingName.StartsWith("utf-16le", StringComparison.Ordinal) ? new UnicodeEncoding(false, false)
            : encodingName.StartsWith("utf-16be", StringComparison.Ordinal) ? new UnicodeEncoding(true, false)
            : new UTF8Encoding(false);
        using var temp = new TempDirectory();
        temp.WriteBytes("export.json", [.. preamble, .. encoding.GetBytes(text)]);

        var result = Lint.Paths(temp.Path, "export.json");

        var setting = Assert.Single(result.Files.SelectMany(f => f.Sources).SelectMany(s => s.Settings));
        Assert.Same(PassportForWorkCatalog.RequireSecurityDevice, setting.Node);
        Assert.True(setting.Value.IsTrue);
        var lines = text.Split("\r\n");
        var expectedLine = Array.FindIndex(lines, l => l.Contains("\"value\": true", StringComparison.Ordinal)) + 1;
        Assert.Equal((expectedLine, lines[expectedLine - 1].IndexOf("true", StringComparison.Ordinal) + 1), (setting.Location.Line, setting.Location.Column));
    }

    [Fact]
    public void Reads_every_policy_of_a_graph_list_value_array()
    {
        using var temp = new TempDirectory();
        var list = $$"""
            { "@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies", "value": [
            {{SettingsCatalog("First", Choice("requiresecuritydevice", "true"), id: "a1")}},
            {{CustomOma("Second", OmaBoolean($"\"./User/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "false"))}}
            ] }
            """;
        temp.Write("list.json", list);

        var sources = Lint.Paths(temp.Path, "list.json").Files.SelectMany(f => f.Sources).ToList();

        Assert.Equal(["First", "Second"], sources.Select(s => s.DisplayName));
        Assert.Equal(PolicyScope.User, Assert.Single(sources[1].Settings).Scope);
        Assert.True(Assert.Single(sources[1].Settings).Value.IsFalse);
    }

    [Fact]
    public void Double_encoded_template_locations_point_into_the_outer_file()
    {
        // A CIPP-style wrapper: the policy is JSON text inside "RAWJson", itself inside "JSON".
        var policy = SettingsCatalog("Wrapped", Choice("usecloudtrustforonpremauth", "true")).ReplaceLineEndings(" ");
        var inner = System.Text.Json.JsonSerializer.Serialize(new { Displayname = "CXNM - Wrapped", RAWJson = policy });
        var outer = System.Text.Json.JsonSerializer.Serialize(new { PartitionKey = "IntuneTemplate", JSON = inner });
        using var temp = new TempDirectory();
        temp.Write("template.json", outer);

        var result = Lint.Paths(temp.Path, "template.json");

        var setting = Assert.Single(result.Files.SelectMany(f => f.Sources).SelectMany(s => s.Settings));
        Assert.Same(PassportForWorkCatalog.UseCloudTrustForOnPremAuth, setting.Node);
        // The value's text, escaped twice, sits in the one-line outer file at the reported column.
        var valueAt = outer.IndexOf("_usecloudtrustforonpremauth_true", StringComparison.Ordinal);
        var quoteBefore = outer.LastIndexOf("device_vendor", valueAt, StringComparison.Ordinal);
        Assert.Equal(1, setting.Location.Line);
        Assert.InRange(setting.Location.Column, quoteBefore - 8, quoteBefore + 1);
    }

    [Fact]
    public void An_encrypted_oma_value_is_never_read_or_printed()
    {
        using var temp = new TempDirectory();
        const string Secret = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsecretvalue";
        var row = $$"""
                { "@odata.type": "#microsoft.graph.omaSettingString", "displayName": "x",
                  "omaUri": "./Device/Vendor/MSFT/PassportForWork/DeviceUnlock/GroupA", "isEncrypted": true,
                  "secretReferenceValueId": "5f0e9c1b-aaaa-bbbb-cccc-000000000001_GroupA", "value": "{{Secret}}" }
            """;
        temp.Write("secret.json", CustomOma("Encrypted", row));

        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".", "--format", "text", "--format", "json=out.json", "--format", "sarif=out.sarif", "--format", "html=out.html", "--verbose");

        var setting = Assert.Single(Lint.Paths(temp.Path, ".").Files.SelectMany(f => f.Sources).SelectMany(s => s.Settings));
        Assert.Equal(SettingProblem.EncryptedValue, setting.Problem);
        Assert.Null(setting.RawValue);
        Assert.Equal(0, exit);
        Assert.DoesNotContain(Secret, console.StdOut + console.StdErr + File.ReadAllText(Path.Combine(temp.Path, "out.json")) + File.ReadAllText(Path.Combine(temp.Path, "out.sarif")) + File.ReadAllText(Path.Combine(temp.Path, "out.html")), StringComparison.Ordinal);
        Assert.Contains("(encrypted)", File.ReadAllText(Path.Combine(temp.Path, "out.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unassigned_export_and_an_export_without_assignments_differ()
    {
        using var temp = new TempDirectory();
        temp.Write("none.json", SettingsCatalog("No data", Choice("requiresecuritydevice", "true"), id: "n1"));
        temp.Write("empty.json", SettingsCatalog("Unassigned", Choice("requiresecuritydevice", "true"), assignments: "[]", id: "n2"));

        var sources = Lint.Paths(temp.Path, ".").Files.SelectMany(f => f.Sources).ToDictionary(s => s.DisplayName);

        Assert.Equal(AssignmentState.Unknown, sources["No data"].AssignmentState);
        Assert.Equal(AssignmentState.Unassigned, sources["Unassigned"].AssignmentState);
    }
}

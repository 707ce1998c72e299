using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyLint.Graph;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Graph;

/// <summary>
/// <c>policylint pull</c> end to end against a loopback Graph: the real command (in-process, <c>--auth token</c>), then
/// <c>policylint lint</c> on the folder it wrote. Retry-After values are 0–1 s so the class stays fast.
/// </summary>
public sealed partial class GraphPullTests : IDisposable
{
    /// <summary>JWT-shaped, so the manifest can name the tenant; the loopback Graph accepts only this bearer token.</summary>
    private static readonly string Token = MakeToken();

    private readonly TempDirectory _temp = new();

    public GraphPullTests() => Environment.SetEnvironmentVariable(GraphSignIn.TokenVariable, Token);

    public void Dispose() => _temp.Dispose();

    private string Out => Path.Combine(_temp.Path, "export");

    private (int Exit, TestConsole Console) Pull(LoopbackGraph graph, params string[] extra) =>
        TestConsole.Run(_temp.Path, ["pull", "--tenant", "contoso.onmicrosoft.com", "--out", "export", "--auth", "token", "--graph-url", graph.BaseUrl, .. extra]);

    /// <summary>lint --tenant reads the very bytes pull writes, through the same readers: the same findings at the same lines.</summary>
    [Fact]
    public async Task Lint_tenant_gives_the_same_findings_as_pull_then_lint()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        Assert.Equal(0, Pull(graph).Exit);

        var fromExport = TestConsole.Run(_temp.Path, "lint", "export", "--format", "json", "--fail-on", "none");
        var fromTenant = TestConsole.Run(_temp.Path, "lint", "--tenant", "contoso.onmicrosoft.com", "--auth", "token", "--graph-url", graph.BaseUrl, "--format", "json", "--fail-on", "none");

        Assert.True(fromTenant.ExitCode == 0, fromTenant.Console.StdErr);
        var expected = Findings(fromExport.Console.StdOut);
        var actual = Findings(fromTenant.Console.StdOut);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(f => f.Key).Order(), actual.Select(f => f.Key).Order());
        Assert.All(actual, f => Assert.StartsWith("graph:/", f.File, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, fromTenant.Console.StdOut + fromTenant.Console.StdErr, StringComparison.Ordinal);

        static List<(string Key, string File)> Findings(string json) =>
            [.. JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Select(f =>
            {
                var location = f.GetProperty("location");
                var line = location.TryGetProperty("line", out var l) ? l.GetInt32() : 0;
                var column = location.TryGetProperty("column", out var c) ? c.GetInt32() : 0;
                return ($"{f.GetProperty("ruleId").GetString()} {f.GetProperty("level").GetString()} {f.GetProperty("policy").GetString()} {line}:{column}", location.GetProperty("file").GetString()!);
            })];
    }

    [Fact]
    public void Lint_takes_paths_or_a_tenant_not_both_and_not_neither()
    {
        Assert.Equal(2, TestConsole.Run(_temp.Path, "lint").ExitCode);
        Assert.Equal(2, TestConsole.Run(_temp.Path, "lint", "export", "--tenant", "contoso.onmicrosoft.com").ExitCode);
        var (exit, console) = TestConsole.Run(_temp.Path, "lint", "--tenant", "contoso.onmicrosoft.com", "--cloud", "mars");
        Assert.Equal(2, exit);
        Assert.Contains("unknown --cloud 'mars'", console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_writes_an_export_that_lint_reads_as_it_is()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);

        var (exit, console) = Pull(graph);

        Assert.True(exit == 0, console.StdErr);
        Assert.Contains($"Pulled 7 Windows Hello for Business object(s), 3 group name(s) and 1 assignment filter(s) from tenant {FakeTenant.TenantId}", console.StdOut);
        var files = Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Out, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "configurationPolicies/MDM wins over GP.json",
                "configurationPolicies/WHfB - Cloud Kerberos Trust.json",
                "deviceConfigurations/WHfB - Certificate Trust (legacy).json",
                "deviceConfigurations/WHfB - Identity Protection (legacy).json",
                "deviceConfigurations/WHfB - PIN Recovery and Wi-Fi.json",
                "deviceEnrollmentConfigurations/All users and all devices.json",
                "groups-and-filters.json",
                "intents/WHfB - Account protection (Preview).json",
                "policylint-pull.json",
            ],
            files);

        // Paged: the fake pages two objects at a time, so every collection with more took @odata.nextLink.
        Assert.True(graph.Count("/beta/deviceManagement/deviceConfigurations?$expand=assignments&$skiptoken=2") == 1);

        // The object is Graph's JSON: values byte for byte (UTF-8 text not re-escaped), settings and assignments included.
        var policy = File.ReadAllText(Path.Combine(Out, "configurationPolicies/WHfB - Cloud Kerberos Trust.json"));
        Assert.Contains("\"description\": \"Hybrid pilot in Zürich: cloud Kerberos trust for on-premises SSO.\"", policy);
        Assert.Contains("\"settings\": [", policy);
        Assert.Contains("\"assignments@odata.context\"", policy);

        var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, PullManifest.FileName))).RootElement;
        Assert.Equal("policylint pull", manifest.GetProperty("generator").GetString());
        Assert.Equal(FakeTenant.TenantId, manifest.GetProperty("tenantId").GetString());
        Assert.Equal(graph.BaseUrl, manifest.GetProperty("graphBaseUrl").GetString());
        Assert.Equal(7, manifest.GetProperty("counts").GetProperty("objects").GetInt32());
        var endpoints = manifest.GetProperty("endpoints").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => (e.GetProperty("listed").GetInt32(), e.GetProperty("kept").GetInt32()));
        Assert.Equal((3, 2), endpoints["beta/deviceManagement/configurationPolicies"]);
        Assert.Equal((4, 3), endpoints["beta/deviceManagement/deviceConfigurations"]);
        Assert.Equal((2, 1), endpoints["beta/deviceManagement/intents"]);
        Assert.Equal((2, 1), endpoints["beta/deviceManagement/deviceEnrollmentConfigurations"]);

        var lint = TestConsole.Run(_temp.Path, "lint", "export", "--fail-on", "none");
        Assert.Equal(0, lint.ExitCode);
        var rules = RuleIds().Matches(lint.Console.StdOut).Select(m => m.Groups["id"].Value).Distinct().Order().ToList();
        // PL1002: the Identity Protection profile and the PIN recovery row, whose value the pull decrypted, reach the same users.
        // PL4002: that row is a String row for the Boolean EnablePinRecovery node; the decrypted value is not quoted.
        // PL5001: the fake tenant turns WHfB on without RequireSecurityDevice anywhere (a note).
        Assert.Equal(["PL1001", "PL1002", "PL1004", "PL1005", "PL3001", "PL4002", "PL5001"], rules);
        var typeError = lint.Console.StdOut.Split('\n').Single(l => l.Contains("PL4002", StringComparison.Ordinal));
        Assert.Contains("EnablePinRecovery is a Boolean node but the row is String;", typeError, StringComparison.Ordinal);

        // Findings point into the export's files, and assignment targets are named from the pulled group list.
        var certificateTrust = lint.Console.StdOut.Split('\n').Single(l => l.Contains("PL3001", StringComparison.Ordinal));
        Assert.StartsWith("export/configurationPolicies/WHfB - Cloud Kerberos Trust.json(", certificateTrust);
        Assert.Contains("export/deviceConfigurations/WHfB - Certificate Trust (legacy).json(", certificateTrust);
        Assert.Contains("'WHfB - Identity Protection (legacy)' (assigned to group WHfB Pilot Users, excluded group Kiosk Devices)", lint.Console.StdOut);
    }

    [Fact]
    public async Task An_encrypted_WHfB_value_is_fetched_in_plain_text_and_other_encrypted_rows_never_are()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);

        var (exit, console) = Pull(graph);

        Assert.True(exit == 0, console.StdErr);
        Assert.Equal(1, graph.Count($"getOmaSettingPlainTextValue(secretReferenceValueId='{FakeTenant.PinRecoverySecretId}')"));
        Assert.Equal(0, graph.Count(FakeTenant.WifiSecretId));
        using var profile = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "deviceConfigurations/WHfB - PIN Recovery and Wi-Fi.json")));
        var rows = profile.RootElement.GetProperty("omaSettings").EnumerateArray().ToList();
        Assert.Equal("true", rows[0].GetProperty("value").GetString());
        Assert.False(rows[0].GetProperty("isEncrypted").GetBoolean());
        Assert.True(rows[0].GetProperty("value@policylint.wasEncrypted").GetBoolean());
        Assert.True(rows[1].GetProperty("isEncrypted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("value").ValueKind);
        Assert.Equal(FakeTenant.WifiSecretId, rows[1].GetProperty("secretReferenceValueId").GetString());
    }

    [Fact]
    public async Task Without_ReadWrite_the_encrypted_row_stays_with_an_unknown_value_and_a_note_says_why()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        graph.Fail("getOmaSettingPlainTextValue", LoopbackGraph.Forbidden("Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementConfiguration.ReadWrite.All"), times: 10);

        var (exit, console) = Pull(graph);

        Assert.True(exit == 0, console.StdErr);
        Assert.Contains("1 encrypted OMA-URI value(s) of Windows Hello for Business rows stay unknown: Graph reveals them only with DeviceManagementConfiguration.ReadWrite.All", console.StdErr);
        using var profile = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "deviceConfigurations/WHfB - PIN Recovery and Wi-Fi.json")));
        var row = profile.RootElement.GetProperty("omaSettings")[0];
        Assert.True(row.GetProperty("isEncrypted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("value").ValueKind);
        Assert.Equal(0, TestConsole.Run(_temp.Path, "lint", "export", "--fail-on", "none").ExitCode);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_Graph_gave()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        graph.Fail("/beta/deviceManagement/deviceConfigurations?$expand=assignments", LoopbackGraph.Throttled(retryAfterSeconds: 1));

        var (exit, console) = Pull(graph);

        Assert.True(exit == 0, console.StdErr);
        var tries = graph.Log.Where(l => l.Request == "/beta/deviceManagement/deviceConfigurations?$expand=assignments").ToList();
        Assert.Equal([429, 200], tries.Select(t => t.Status));
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {(tries[1].At - tries[0].At).TotalSeconds:0.00} s");
        Assert.True(File.Exists(Path.Combine(Out, "deviceConfigurations/WHfB - Identity Protection (legacy).json")));
    }

    [Fact]
    public async Task A_503_that_recovers_is_retried()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        graph.Fail("/settings", LoopbackGraph.Unavailable(retryAfterSeconds: 0), times: 2);

        var (exit, console) = Pull(graph);

        Assert.True(exit == 0, console.StdErr);
        Assert.Equal(2, graph.Log.Count(l => l.Status == 503));
        Assert.True(File.Exists(Path.Combine(Out, "configurationPolicies/WHfB - Cloud Kerberos Trust.json")));
    }

    [Fact]
    public async Task Graph_that_stays_unavailable_ends_the_pull_with_a_clear_message()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        graph.Fail("/beta/deviceManagement/intents", LoopbackGraph.Unavailable(retryAfterSeconds: 0), times: 100);

        var (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("policylint: Graph kept answering GET /beta/deviceManagement/intents with 429 Too Many Requests or 503 Service Unavailable after 5 retries; try again later", console.StdErr);
        Assert.Equal(6, graph.Count("/beta/deviceManagement/intents"));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Paging_never_follows_a_next_link_to_another_host()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        graph.Fail("/beta/deviceManagement/intents", LoopbackGraph.Body("""{"value":[],"@odata.nextLink":"https://graph.example.net/beta/deviceManagement/intents?$skiptoken=2"}"""));

        var (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("pages on to another host (https://graph.example.net); it is not followed", console.StdErr);
    }

    [Fact]
    public async Task A_403_names_the_missing_permission_and_exits_2_without_writing()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        graph.Fail("deviceEnrollmentConfigurations", LoopbackGraph.Forbidden("Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementServiceConfig.Read.All, DeviceManagementServiceConfig.ReadWrite.All"));

        var (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("Graph refused to give enrollment configurations (deviceEnrollmentConfigurations) (GET /beta/deviceManagement/deviceEnrollmentConfigurations?$expand=assignments: 403 Forbidden: Forbidden \"Application is not authorized", console.StdErr);
        Assert.Contains("needs the Microsoft Graph permission DeviceManagementServiceConfig.Read.All", console.StdErr);
        Assert.DoesNotContain("   at ", console.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Group_names_need_Group_Read_All_and_a_deleted_group_is_a_note()
    {
        var tenant = FakeTenant.Contoso();
        tenant.Groups.Remove(FakeTenant.KioskDevices);
        await using var graph = await LoopbackGraph.StartAsync(tenant, Token);

        var (exit, console) = Pull(graph);

        Assert.True(exit == 0, console.StdErr);
        Assert.Contains($"policylint: note: group {FakeTenant.KioskDevices} is assigned but does not exist in the directory any more; its assignments keep the bare id", console.StdErr);

        graph.Fail("/v1.0/groups/", LoopbackGraph.Forbidden("Insufficient privileges to complete the operation."));
        (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("needs the Microsoft Graph permission Group.Read.All", console.StdErr);
    }

    [Fact]
    public async Task A_malformed_page_is_a_clear_error_and_nothing_is_written()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        graph.Fail("configurationPolicies?$expand=assignments&$skiptoken=2", LoopbackGraph.Body("{\"@odata.context\":\"x\",\"value\":[{\"id\":\"0b1c"));

        var (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("policylint: Graph's answer to GET /beta/deviceManagement/configurationPolicies?$expand=assignments&$skiptoken=2 is not valid JSON (line 1, byte", console.StdErr);
        Assert.DoesNotContain("   at ", console.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task An_interrupted_pull_leaves_the_previous_export_as_it_was()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        Assert.Equal(0, Pull(graph).Exit);
        var before = Snapshot(Out);
        graph.Fail("/beta/deviceManagement/intents/", LoopbackGraph.Drop(), times: 100);

        var (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("cannot reach Graph at", console.StdErr);
        Assert.Equal(before, Snapshot(Out));
        Assert.Equal(["export"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_second_pull_replaces_the_previous_export()
    {
        var tenant = FakeTenant.Contoso();
        await using var graph = await LoopbackGraph.StartAsync(tenant, Token);
        Assert.Equal(0, Pull(graph).Exit);
        tenant.DeviceConfigurations.RemoveAt(0);

        var (exit, console) = Pull(graph);

        Assert.True(exit == 0, console.StdErr);
        Assert.False(File.Exists(Path.Combine(Out, "deviceConfigurations/WHfB - Certificate Trust (legacy).json")));
        Assert.Equal(["export"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_out_folder_must_be_new_empty_or_a_previous_pull()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        _temp.Write("export/notes.txt", "mine");

        var (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("--out 'export' is not empty and holds no previous pull (policylint-pull.json is missing or not a pull's manifest)", console.StdErr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Out, "notes.txt")));

        File.Delete(Path.Combine(Out, "notes.txt"));
        Assert.Equal(0, Pull(graph).Exit);
        _temp.Write("export/.policylint.yml", "tenants: []\n");

        (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("--out 'export' holds '.policylint.yml', which the previous pull did not write", console.StdErr);
        Assert.True(File.Exists(Path.Combine(Out, ".policylint.yml")));
    }

    [Fact]
    public async Task A_token_Graph_rejects_is_a_clear_error()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), "another token");

        var (exit, console) = Pull(graph);

        Assert.Equal(2, exit);
        Assert.Contains("Graph did not accept the access token", console.StdErr);
        Assert.Contains("401 Unauthorized: InvalidAuthenticationToken", console.StdErr);
    }

    [Fact]
    public async Task No_token_or_secret_appears_in_any_output_or_export()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        var outputs = new StringBuilder();

        var pull = Pull(graph, "--verbose");
        var lint = TestConsole.Run(_temp.Path, "lint", "export", "--verbose", "--fail-on", "none", "--format", "text", "--format", "json=report.json", "--format", "sarif=report.sarif");
        graph.Fail("assignmentFilters", LoopbackGraph.Forbidden("no"));
        var failed = Pull(graph, "--verbose");

        Assert.Equal(0, pull.Exit);
        Assert.Equal(2, failed.Exit);
        foreach (var console in new[] { pull.Console, lint.Console, failed.Console })
        {
            outputs.Append(console.StdOut).Append(console.StdErr);
        }

        foreach (var file in Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories))
        {
            outputs.Append(File.ReadAllText(file));
        }

        var everything = outputs.ToString();
        Assert.Contains("WHfB - PIN Recovery and Wi-Fi", everything);
        foreach (var secret in new[] { Token, Token.Split('.')[2], FakeTenant.PinRecoveryCiphertext, FakeTenant.WifiCiphertext, FakeTenant.WifiPlainText, "Tr0ub4dor" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task In_memory_documents_are_the_bytes_the_export_writes()
    {
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Contoso(), Token);
        Assert.Equal(0, Pull(graph).Exit);
        var signIn = GraphSignIn.Create("token", "contoso.onmicrosoft.com", GraphCloud.Public, Environment.GetEnvironmentVariable, interactive: false, tell: _ => { });

        var pulled = await TenantPull.ToMemoryAsync(signIn, new PullOptions { Tenant = "contoso.onmicrosoft.com", GraphUrl = new Uri(graph.BaseUrl) });

        Assert.Equal(8, pulled.Documents.Count);
        Assert.Contains(pulled.Documents, d => d.DisplayPath == "graph:/deviceManagement/configurationPolicies/3f6a2c1e-8b4d-4e7a-9c5f-1a2b3c4d5e01");
        Assert.Contains(pulled.Documents, d => d.DisplayPath == "graph:/groups");
        foreach (var document in pulled.Documents)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Out, document.RelativePath)), document.Utf8Json);
        }
    }

    [Fact]
    public async Task Two_thousand_objects_are_pulled_one_page_at_a_time()
    {
        const int Objects = 2000;
        await using var graph = await LoopbackGraph.StartAsync(FakeTenant.Large(Objects, pageSize: 100), Token);
        var signIn = GraphSignIn.Create("token", "contoso.onmicrosoft.com", GraphCloud.Public, Environment.GetEnvironmentVariable, interactive: false, tell: _ => { });
        var progress = new List<PullProgress>();

        var manifest = await TenantPull.ToFolderAsync(signIn, new PullOptions { Tenant = "contoso.onmicrosoft.com", GraphUrl = new Uri(graph.BaseUrl), Progress = p => { lock (progress) { progress.Add(p); } } }, Out);

        Assert.Equal(Objects, manifest.Objects);
        Assert.Equal(Objects + 2, Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Length);
        var exported = Directory.GetFiles(Path.Combine(Out, "configurationPolicies")).Sum(f => new FileInfo(f).Length);

        // Bounded memory: what is held at once is one page (of 20) and the documents made from it, never the tenant.
        Assert.InRange(manifest.PeakBufferedBytes, 1, exported / 10);
        Assert.Equal(Objects, progress.Max(p => p.Listed) - 1);
        Assert.Equal(progress.Max(p => p.Listed), progress.Max(p => p.Fetched));
    }

    [Fact]
    public void Display_names_become_safe_file_names()
    {
        var names = new SafeFileNames();

        Assert.Equal("_.._x.json", names.Next(@"..\..\x", "1"));
        Assert.Equal("_CON.json", names.Next("CON", "2"));
        Assert.Equal("_nul.txt.json", names.Next("nul.txt", "3"));
        Assert.Equal("a_b_c.json", names.Next("a/b:c", "4"));
        Assert.Equal("WHfB.json", names.Next("WHfB", "5"));
        Assert.Equal("whfb (2).json", names.Next("whfb", "6"));
        Assert.Equal("hidden.json", names.Next(".hidden", "7"));
        Assert.Equal("8.json", names.Next("  ..  ", "8"));
        Assert.Equal("unnamed.json", names.Next(null, null));
        Assert.Equal(120 + ".json".Length, names.Next(new string('x', 300), "9").Length);
    }

    [Theory]
    [InlineData("--cloud", "moon", "unknown --cloud 'moon'; expected one of: public, usGovernment, usGovernmentDoD, china")]
    [InlineData("--auth", "password", "unknown --auth 'password'")]
    [InlineData("--graph-url", "http://graph.example.com", "--graph-url 'http://graph.example.com/' must be an https URL")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        string[] auth = option == "--auth" ? [] : ["--auth", "token"];
        var (exit, console) = TestConsole.Run(_temp.Path, ["pull", "--tenant", "contoso.onmicrosoft.com", "--out", "export", .. auth, option, value]);

        Assert.Equal(2, exit);
        Assert.Contains(message, console.StdErr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Token_auth_without_the_variable_names_it()
    {
        var signIn = () => GraphSignIn.Create("token", "contoso", GraphCloud.Public, _ => null, interactive: false, tell: _ => { });

        var error = Assert.Throws<GraphPullException>(signIn);

        Assert.Equal("--auth token needs POLICYLINT_GRAPH_TOKEN in the environment (see docs/graph.md)", error.Message);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static string MakeToken()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = $$"""{"aud":"https://graph.microsoft.com","tid":"{{FakeTenant.TenantId}}","roles":["DeviceManagementConfiguration.Read.All","DeviceManagementServiceConfig.Read.All","Group.Read.All"],"exp":4102444800}""";
        return $"{Part("""{"typ":"JWT","alg":"RS256"}""")}.{Part(payload)}.c2lnbmF0dXJlLW9mLXRoZS1sb29wYmFjay10b2tlbg";
    }

    [GeneratedRegex(@": (error|warning|note) (?<id>PL\d{4}):")]
    private static partial Regex RuleIds();
}

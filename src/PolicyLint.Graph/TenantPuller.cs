using System.Buffers;
using System.Text.Json;

namespace PolicyLint.Graph;

/// <summary>Where pulled documents go as they are made: a folder being written, or a list in memory.</summary>
internal interface IPullSink
{
    Task AddAsync(PulledDocument document, CancellationToken cancellationToken);
}

/// <summary>
/// Reads a tenant's WHfB-relevant Intune objects from Graph (beta, where these resources live) page by page: the
/// objects of one page are completed in parallel (settings, assignments, decrypted OMA-URI values), then handed to the
/// sink in Graph's order, so memory holds one page at a time and file names do not depend on timing.
/// </summary>
internal sealed class TenantPuller
{
    private const string Config = GraphPermissions.DeviceManagementConfigurationRead;

    private static readonly GraphEndpoint ConfigurationPolicies = new("beta/deviceManagement/configurationPolicies", Config, "Settings Catalog and endpoint security policies (configurationPolicies)");
    private static readonly GraphEndpoint DeviceConfigurations = new("beta/deviceManagement/deviceConfigurations", Config, "device configuration profiles (deviceConfigurations)");
    private static readonly GraphEndpoint Intents = new("beta/deviceManagement/intents", Config, "endpoint security intents and security baselines (intents)");
    private static readonly GraphEndpoint EnrollmentConfigurations = new("beta/deviceManagement/deviceEnrollmentConfigurations", GraphPermissions.DeviceManagementServiceConfigRead, "enrollment configurations (deviceEnrollmentConfigurations)");
    private static readonly GraphEndpoint AssignmentFilters = new("beta/deviceManagement/assignmentFilters", Config, "assignment filters (assignmentFilters)");
    private static readonly GraphEndpoint Groups = new("v1.0/groups", GraphPermissions.GroupRead, "the names of assigned groups (groups)");
    private static readonly GraphEndpoint PlainTextValue = new("beta/deviceManagement/deviceConfigurations/getOmaSettingPlainTextValue", GraphPermissions.DeviceManagementConfigurationReadWrite, "encrypted OMA-URI values (getOmaSettingPlainTextValue)");

    private readonly GraphConnection _graph;
    private readonly PullOptions _options;
    private readonly IPullSink _sink;
    private readonly List<PulledEndpoint> _endpoints = [];
    private readonly List<string> _files = [];
    private readonly List<string> _notes = [];
    private readonly SortedSet<string> _groupIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _lock = new();
    private int _listed;
    private int _fetched;
    private int _kept;
    private long _peakBuffered;
    private int _encryptedLeft;
    private volatile bool _decryptionRefused;

    public TenantPuller(GraphConnection graph, PullOptions options, IPullSink sink)
    {
        _graph = graph;
        _options = options;
        _sink = sink;
    }

    public async Task<PullManifest> PullAsync(GraphSignIn signIn, CancellationToken cancellationToken)
    {
        await PullCollectionAsync(ConfigurationPolicies, "?$expand=assignments", "configurationPolicies", "name", ComposeConfigurationPolicyAsync, cancellationToken).ConfigureAwait(false);
        await PullCollectionAsync(DeviceConfigurations, "?$expand=assignments", "deviceConfigurations", "displayName", ComposeDeviceConfigurationAsync, cancellationToken).ConfigureAwait(false);
        await PullCollectionAsync(Intents, string.Empty, "intents", "displayName", ComposeIntentAsync, cancellationToken).ConfigureAwait(false);
        await PullCollectionAsync(EnrollmentConfigurations, "?$expand=assignments", "deviceEnrollmentConfigurations", "displayName", ComposeEnrollmentAsync, cancellationToken).ConfigureAwait(false);
        var (groups, filters) = await PullDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (_encryptedLeft > 0)
        {
            _notes.Add(_decryptionRefused
                ? $"{_encryptedLeft} encrypted OMA-URI value(s) of Windows Hello for Business rows stay unknown: Graph reveals them only with {GraphPermissions.DeviceManagementConfigurationReadWrite}; rules that need those values report that they could not be checked"
                : $"{_encryptedLeft} encrypted OMA-URI value(s) of Windows Hello for Business rows stay unknown: Graph did not return them");
        }

        return new PullManifest
        {
            Tenant = _options.Tenant,
            TenantId = signIn.Credential.LastClaims.TenantId,
            PulledAt = DateTimeOffset.UtcNow,
            GraphBaseUrl = _graph.BaseUrl.GetLeftPart(UriPartial.Authority),
            Cloud = _options.Cloud.Name,
            Auth = signIn.Mode,
            Endpoints = [.. _endpoints],
            Objects = _kept,
            Groups = groups,
            AssignmentFilters = filters,
            Requests = _graph.Requests,
            Files = [.. _files],
            Notes = [.. _notes],
            PeakBufferedBytes = _peakBuffered,
        };
    }

    private delegate Task<byte[]?> Compose(JsonElement item, string id, CancellationToken cancellationToken);

    private async Task PullCollectionAsync(GraphEndpoint endpoint, string query, string folder, string nameProperty, Compose compose, CancellationToken cancellationToken)
    {
        var names = new SafeFileNames();
        var listed = 0;
        var kept = 0;
        await foreach (var page in _graph.PagesAsync(_graph.Url(endpoint.Path + query), endpoint, cancellationToken).ConfigureAwait(false))
        {
            using (page)
            {
                var items = page.Items;
                listed += items.Count;
                Interlocked.Add(ref _listed, items.Count);
                Report();
                var results = new byte[]?[items.Count];
                await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelRequests, CancellationToken = cancellationToken }, async (i, token) =>
                {
                    var id = WhfbRelevance.String(items[i], "id");
                    results[i] = id is null ? null : await compose(items[i], id, token).ConfigureAwait(false);
                    Interlocked.Increment(ref _fetched);
                    Report();
                }).ConfigureAwait(false);

                _peakBuffered = Math.Max(_peakBuffered, page.ByteCount + results.Sum(r => (long)(r?.Length ?? 0)));
                for (var i = 0; i < items.Count; i++)
                {
                    if (results[i] is not { } bytes)
                    {
                        continue;
                    }

                    var id = WhfbRelevance.String(items[i], "id")!;
                    var file = $"{folder}/{names.Next(WhfbRelevance.String(items[i], nameProperty), id)}";
                    await AddAsync(new PulledDocument($"graph:/deviceManagement/{folder}/{id}", file, bytes), cancellationToken).ConfigureAwait(false);
                    kept++;
                }
            }
        }

        _endpoints.Add(new PulledEndpoint(endpoint.Path, listed, kept));
    }

    private async Task AddAsync(PulledDocument document, CancellationToken cancellationToken)
    {
        await _sink.AddAsync(document, cancellationToken).ConfigureAwait(false);
        _files.Add(document.RelativePath);
        _kept++;
    }

    private void Report() => _options.Progress?.Invoke(new PullProgress(Volatile.Read(ref _fetched), Volatile.Read(ref _listed)));

    private async Task<byte[]?> ComposeConfigurationPolicyAsync(JsonElement policy, string id, CancellationToken cancellationToken)
    {
        var path = $"{ConfigurationPolicies.Path}/{Uri.EscapeDataString(id)}";
        using var settings = await CollectAsync(path + "/settings", ConfigurationPolicies, cancellationToken).ConfigureAwait(false);
        if (!WhfbRelevance.IsRelevantConfigurationPolicy(policy, settings.Items))
        {
            return null;
        }

        using var assignments = await AssignmentsUnlessExpandedAsync(policy, path, ConfigurationPolicies, cancellationToken).ConfigureAwait(false);
        return GraphJson.Compose(policy, [("settings", GraphJson.RawArray(settings.Items)), .. assignments.Replacement]);
    }

    private async Task<byte[]?> ComposeDeviceConfigurationAsync(JsonElement profile, string id, CancellationToken cancellationToken)
    {
        var type = WhfbRelevance.String(profile, "@odata.type");
        var path = $"{DeviceConfigurations.Path}/{Uri.EscapeDataString(id)}";
        if (string.Equals(type, WhfbRelevance.IdentityProtectionType, StringComparison.OrdinalIgnoreCase))
        {
            using var assignments = await AssignmentsUnlessExpandedAsync(profile, path, DeviceConfigurations, cancellationToken).ConfigureAwait(false);
            return GraphJson.Compose(profile, assignments.Replacement);
        }

        if (!string.Equals(type, WhfbRelevance.CustomConfigurationType, StringComparison.OrdinalIgnoreCase) || !WhfbRelevance.IsRelevantCustomConfiguration(profile))
        {
            return null;
        }

        var rows = profile.GetProperty("omaSettings").EnumerateArray().ToList();
        var plainTexts = new string?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            plainTexts[i] = await PlainTextAsync(rows[i], path, cancellationToken).ConfigureAwait(false);
        }

        using var expanded = await AssignmentsUnlessExpandedAsync(profile, path, DeviceConfigurations, cancellationToken).ConfigureAwait(false);
        return GraphJson.Compose(profile, [("omaSettings", writer => WriteRows(writer, rows, plainTexts)), .. expanded.Replacement]);
    }

    /// <summary>
    /// The plain text of an encrypted row of a WHfB node, when Graph gives it. Rows of other CSPs are never asked
    /// for: they may hold real secrets (Wi-Fi keys, passwords) that a WHfB lint has no business reading.
    /// </summary>
    private async Task<string?> PlainTextAsync(JsonElement row, string profilePath, CancellationToken cancellationToken)
    {
        if (!row.TryGetProperty("isEncrypted", out var encrypted) || encrypted.ValueKind != JsonValueKind.True
            || WhfbRelevance.String(row, "omaUri") is not { } uri || !WhfbRelevance.IsRelevantOmaUri(uri))
        {
            return null;
        }

        if (_decryptionRefused || WhfbRelevance.String(row, "secretReferenceValueId") is not { Length: > 0 } secretId)
        {
            Interlocked.Increment(ref _encryptedLeft);
            return null;
        }

        var url = _graph.Url($"{profilePath}/getOmaSettingPlainTextValue(secretReferenceValueId='{Uri.EscapeDataString(secretId.Replace("'", "''", StringComparison.Ordinal))}')");
        var (answer, status) = await _graph.GetObjectOrRefusalAsync(url, PlainTextValue, cancellationToken).ConfigureAwait(false);
        using (answer)
        {
            if (answer is null || WhfbRelevance.String(answer.RootElement, "value") is not { } plain)
            {
                // 403: the permission is read-only, so no later row is asked for; 404: this secret is gone.
                _decryptionRefused |= status == System.Net.HttpStatusCode.Forbidden;
                Interlocked.Increment(ref _encryptedLeft);
                return null;
            }

            return plain;
        }
    }

    /// <summary>
    /// The rows as Graph returned them, except encrypted ones: a decrypted WHfB row carries its plain value, is marked
    /// <c>value@policylint.wasEncrypted</c>, and says <c>isEncrypted: false</c> so the readers check it; every other
    /// encrypted row keeps <c>isEncrypted: true</c> with its ciphertext dropped (value null): no secret reaches the disk.
    /// </summary>
    private static void WriteRows(Utf8JsonWriter writer, List<JsonElement> rows, string?[] plainTexts)
    {
        writer.WriteStartArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.TryGetProperty("isEncrypted", out var encrypted) || encrypted.ValueKind != JsonValueKind.True)
            {
                GraphJson.WriteRaw(writer, row);
                continue;
            }

            var plain = plainTexts[i];
            GraphJson.WriteObject(writer, row,
            [
                ("isEncrypted", w => w.WriteBooleanValue(plain is null)),
                ("value", w =>
                {
                    if (plain is null)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        w.WriteStringValue(plain);
                    }
                }),
                .. plain is null ? Array.Empty<(string, Action<Utf8JsonWriter>)>() : [("value@policylint.wasEncrypted", w => w.WriteBooleanValue(true))],
            ]);
        }

        writer.WriteEndArray();
    }

    private async Task<byte[]?> ComposeIntentAsync(JsonElement intent, string id, CancellationToken cancellationToken)
    {
        var path = $"{Intents.Path}/{Uri.EscapeDataString(id)}";
        using var settings = await CollectAsync(path + "/settings", Intents, cancellationToken).ConfigureAwait(false);
        if (!WhfbRelevance.IsRelevantIntent(intent, settings.Items))
        {
            return null;
        }

        using var assignments = await CollectAsync(path + "/assignments", Intents, cancellationToken).ConfigureAwait(false);
        NoteGroups(assignments.Items);
        return GraphJson.Compose(intent, [("settings", GraphJson.RawArray(settings.Items)), ("assignments", GraphJson.RawArray(assignments.Items))]);
    }

    private async Task<byte[]?> ComposeEnrollmentAsync(JsonElement configuration, string id, CancellationToken cancellationToken)
    {
        if (!WhfbRelevance.IsEnrollmentWhfb(configuration))
        {
            return null;
        }

        using var assignments = await AssignmentsUnlessExpandedAsync(configuration, $"{EnrollmentConfigurations.Path}/{Uri.EscapeDataString(id)}", EnrollmentConfigurations, cancellationToken).ConfigureAwait(false);
        return GraphJson.Compose(configuration, assignments.Replacement);
    }

    /// <summary>The object's expanded assignments; fetched separately only when Graph left them out of the list.</summary>
    private async Task<Collected> AssignmentsUnlessExpandedAsync(JsonElement item, string path, GraphEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (item.TryGetProperty("assignments", out var expanded) && expanded.ValueKind == JsonValueKind.Array)
        {
            NoteGroups(Expanded(item));
            return Collected.Empty;
        }

        var fetched = await CollectAsync(path + "/assignments", endpoint, cancellationToken).ConfigureAwait(false);
        NoteGroups(fetched.Items);
        return fetched with { Replacement = [("assignments", GraphJson.RawArray(fetched.Items))] };
    }

    private static IReadOnlyList<JsonElement> Expanded(JsonElement item) =>
        item.TryGetProperty("assignments", out var expanded) && expanded.ValueKind == JsonValueKind.Array ? [.. expanded.EnumerateArray()] : [];

    private void NoteGroups(IEnumerable<JsonElement> assignments)
    {
        foreach (var assignment in assignments)
        {
            if (assignment.ValueKind == JsonValueKind.Object && assignment.TryGetProperty("target", out var target)
                && WhfbRelevance.String(target, "groupId") is { Length: > 0 } groupId)
            {
                lock (_lock)
                {
                    _groupIds.Add(groupId);
                }
            }
        }
    }

    /// <summary>Every item of a (possibly paged) collection; the pages stay alive until disposed.</summary>
    private async Task<Collected> CollectAsync(string path, GraphEndpoint endpoint, CancellationToken cancellationToken)
    {
        var pages = new List<GraphPage>();
        try
        {
            await foreach (var page in _graph.PagesAsync(_graph.Url(path), endpoint, cancellationToken).ConfigureAwait(false))
            {
                pages.Add(page);
            }
        }
        catch
        {
            pages.ForEach(p => p.Dispose());
            throw;
        }

        return new Collected(pages, [.. pages.SelectMany(p => p.Items)], []);
    }

    /// <summary>The assignment filters and the names of every assigned group, in one document the readers take as a group list.</summary>
    private async Task<(int Groups, int Filters)> PullDirectoryAsync(CancellationToken cancellationToken)
    {
        using var filters = await CollectAsync(AssignmentFilters.Path, AssignmentFilters, cancellationToken).ConfigureAwait(false);
        _endpoints.Add(new PulledEndpoint(AssignmentFilters.Path, filters.Items.Count, filters.Items.Count));

        var ids = _groupIds.ToList();
        var groups = new JsonDocument?[ids.Count];
        try
        {
            Interlocked.Add(ref _listed, ids.Count);
            await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelRequests, CancellationToken = cancellationToken }, async (i, token) =>
            {
                groups[i] = await _graph.GetObjectAsync(_graph.Url($"{Groups.Path}/{Uri.EscapeDataString(ids[i])}?$select=id,displayName,securityEnabled,groupTypes"), Groups, token).ConfigureAwait(false);
                Interlocked.Increment(ref _fetched);
                Report();
            }).ConfigureAwait(false);

            for (var i = 0; i < ids.Count; i++)
            {
                if (groups[i] is null)
                {
                    _notes.Add($"group {ids[i]} is assigned but does not exist in the directory any more; its assignments keep the bare id");
                }
            }

            var found = groups.Where(g => g is not null).Select(g => g!.RootElement).ToList();
            _endpoints.Add(new PulledEndpoint(Groups.Path, ids.Count, found.Count));
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                // Groups in "value", as a Graph list call returns them, so the readers name assignment targets from it.
                writer.WriteStartObject();
                writer.WritePropertyName("value");
                GraphJson.RawArray(found)(writer);
                writer.WritePropertyName("assignmentFilters");
                GraphJson.RawArray(filters.Items)(writer);
                writer.WriteEndObject();
            }

            await _sink.AddAsync(new PulledDocument("graph:/groups", "groups-and-filters.json", GraphJson.Indent(buffer.WrittenSpan)), cancellationToken).ConfigureAwait(false);
            _files.Add("groups-and-filters.json");
            return (found.Count, filters.Items.Count);
        }
        finally
        {
            foreach (var group in groups)
            {
                group?.Dispose();
            }
        }
    }

    /// <summary>Items gathered from pages that must stay alive while the items are written.</summary>
    private sealed record Collected(List<GraphPage> Pages, IReadOnlyList<JsonElement> Items, IReadOnlyList<(string Name, Action<Utf8JsonWriter> Write)> Replacement) : IDisposable
    {
        public static Collected Empty => new([], [], []);

        public void Dispose() => Pages.ForEach(p => p.Dispose());
    }
}

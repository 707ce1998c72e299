using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;

namespace PolicyLint.Graph;

/// <summary>
/// The folder <c>pull --out</c> owns. It must not exist, be empty, or hold a previous pull's export and nothing else
/// (its manifest lists every file). The new export is written to a hidden folder beside it, the manifest last, and
/// then swapped in by renames: the old export is moved aside, the new one renamed in, the old one deleted. A pull
/// that stops half-way leaves the old export as it was and never a folder that looks complete.
/// </summary>
internal sealed class ExportFolder : IPullSink, IDisposable
{
    private readonly string _target;
    private readonly string _staging;
    private readonly Channel<(string Path, byte[] Bytes)> _queue = Channel.CreateBounded<(string, byte[])>(new BoundedChannelOptions(128) { SingleReader = true });
    private readonly Task _writer;
    private bool _committed;

    private ExportFolder(string target, string staging)
    {
        _target = target;
        _staging = staging;
        _writer = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Checks that the pull may write <paramref name="folder"/> and opens a staging folder beside it.</summary>
    public static ExportFolder Open(string path, string folder)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(target))
        {
            throw new GraphPullException($"--out '{folder}' is a file; it must name a folder that the pull owns");
        }

        if (Directory.Exists(target))
        {
            CheckOwned(folder, target);
        }

        var parent = Path.GetDirectoryName(target) ?? throw new GraphPullException($"--out '{folder}' cannot be a root folder; name a folder the pull owns");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.pulling-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        Directory.CreateDirectory(staging);
        return new ExportFolder(target, staging);
    }

    private static void CheckOwned(string folder, string target)
    {
        var entries = Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var manifest = Path.Combine(target, PullManifest.FileName);
        var listed = ReadManifestFiles(manifest)
            ?? throw new GraphPullException(
                $"--out '{folder}' is not empty and holds no previous pull ({PullManifest.FileName} is missing or not a pull's manifest); name a new or empty folder. Keep .policylint.yml in the folder above it, where 'policylint lint' finds it.");
        var owned = new HashSet<string>(listed.Select(f => Path.GetFullPath(Path.Combine(target, f))), StringComparer.Ordinal) { manifest };
        foreach (var entry in entries)
        {
            if (!owned.Contains(entry) && !(Directory.Exists(entry) && owned.Any(o => o.StartsWith(entry + Path.DirectorySeparatorChar, StringComparison.Ordinal))))
            {
                throw new GraphPullException(
                    $"--out '{folder}' holds '{Path.GetRelativePath(target, entry)}', which the previous pull did not write; the pull replaces the whole folder, so move it elsewhere (keep .policylint.yml in the folder above, where 'policylint lint' finds it)");
            }
        }
    }

    /// <summary>The files a pull's manifest lists, or null when the file is not a pull's manifest.</summary>
    private static List<string>? ReadManifestFiles(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || WhfbRelevance.String(root, "generator") != PullManifest.Generator
                || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return [.. files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!)];
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Queues the document for the writer, which writes while the next page is fetched: on a slow disk, writing many
    /// small files costs as much as the requests. The queue holds at most a page's worth, so memory stays bounded.
    /// </summary>
    public async Task AddAsync(PulledDocument document, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(_staging, document.RelativePath));
        if (!full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            // File names are made safe before they get here; this is the last line of defence.
            throw new InvalidOperationException($"refusing to write outside the export: {document.RelativePath}");
        }

        try
        {
            await _queue.Writer.WriteAsync((full, document.Utf8Json), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException) when (_writer.IsFaulted)
        {
            // The writer failed (disk full, permission): its exception is the one to report.
            await _writer.ConfigureAwait(false);
        }
    }

    private async Task WriteQueuedAsync()
    {
        try
        {
            await foreach (var (path, bytes) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _queue.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Waits for the queued files, writes the manifest, last, and swaps the new export in.</summary>
    public async Task CommitAsync(PullManifest manifest)
    {
        _queue.Writer.Complete();
        await _writer.ConfigureAwait(false);
        File.WriteAllBytes(Path.Combine(_staging, PullManifest.FileName), ManifestWriter.Write(manifest));
        if (Directory.Exists(_target))
        {
            var aside = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.replaced-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
            Directory.Move(_target, aside);
            try
            {
                Directory.Move(_staging, _target);
            }
            catch
            {
                Directory.Move(aside, _target);
                throw;
            }

            _committed = true;
            TryDelete(aside);
        }
        else
        {
            Directory.Move(_staging, _target);
            _committed = true;
        }
    }

    public void Dispose()
    {
        if (!_committed)
        {
            // Stop the writer before the staging folder goes; its own failure was reported already, or is moot.
            _queue.Writer.TryComplete();
            try
            {
                _writer.GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }

            TryDelete(_staging);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden folder beside the export is untidy, not wrong: it has no manifest.
        }
    }
}

/// <summary>The manifest as JSON: written by the pull, read back to recognise a previous export.</summary>
internal static class ManifestWriter
{
    public static byte[] Write(PullManifest manifest)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("generator", PullManifest.Generator);
            writer.WriteNumber("formatVersion", 1);
            writer.WriteString("tenant", manifest.Tenant);
            if (manifest.TenantId is null)
            {
                writer.WriteNull("tenantId");
            }
            else
            {
                writer.WriteString("tenantId", manifest.TenantId);
            }

            writer.WriteString("pulledAt", manifest.PulledAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("graphBaseUrl", manifest.GraphBaseUrl);
            writer.WriteString("cloud", manifest.Cloud);
            writer.WriteString("auth", manifest.Auth);
            writer.WriteStartArray("endpoints");
            foreach (var endpoint in manifest.Endpoints)
            {
                writer.WriteStartObject();
                writer.WriteString("path", endpoint.Path);
                writer.WriteNumber("listed", endpoint.Listed);
                writer.WriteNumber("kept", endpoint.Kept);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("counts");
            writer.WriteNumber("objects", manifest.Objects);
            writer.WriteNumber("groups", manifest.Groups);
            writer.WriteNumber("assignmentFilters", manifest.AssignmentFilters);
            writer.WriteNumber("requests", manifest.Requests);
            writer.WriteEndObject();
            writer.WriteStartArray("files");
            foreach (var file in manifest.Files)
            {
                writer.WriteStringValue(file);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("notes");
            foreach (var note in manifest.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}

namespace PolicyLint.Graph;

/// <summary>
/// Pulls a tenant's Windows Hello for Business policy from Graph: into a folder that <c>policylint lint</c> reads
/// (<see cref="ToFolderAsync"/>), or into memory as named documents for the readers (<see cref="ToMemoryAsync"/>).
/// Both produce the same documents, byte for byte. Failures are <see cref="GraphPullException"/>s.
/// </summary>
public static class TenantPull
{
    /// <param name="folder">The export folder (a full path, or relative to the process's current directory).</param>
    /// <param name="shownAs">How messages name the folder (as the person typed it); the path itself when null.</param>
    public static async Task<PullManifest> ToFolderAsync(GraphSignIn signIn, PullOptions options, string folder, string? shownAs = null, CancellationToken cancellationToken = default)
    {
        CheckGraphUrl(options.EffectiveGraphUrl);
        using var export = ExportFolder.Open(folder, shownAs ?? folder);
        using var graph = Connect(signIn, options);
        var manifest = await new TenantPuller(graph, options, export).PullAsync(signIn, cancellationToken).ConfigureAwait(false);
        await export.CommitAsync(manifest).ConfigureAwait(false);
        return manifest;
    }

    public static async Task<PulledTenant> ToMemoryAsync(GraphSignIn signIn, PullOptions options, CancellationToken cancellationToken = default)
    {
        CheckGraphUrl(options.EffectiveGraphUrl);
        using var graph = Connect(signIn, options);
        var memory = new MemorySink();
        var manifest = await new TenantPuller(graph, options, memory).PullAsync(signIn, cancellationToken).ConfigureAwait(false);
        return new PulledTenant(memory.Documents, manifest);
    }

    /// <summary>https, except on this machine (tests, a local Graph proxy): the bearer token never crosses a network in clear text.</summary>
    public static void CheckGraphUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            throw new GraphPullException($"--graph-url '{url}' must be an https URL (plain http only for this machine: localhost, 127.0.0.1)");
        }
    }

    private static GraphConnection Connect(GraphSignIn signIn, PullOptions options) =>
        new(signIn, options.EffectiveGraphUrl, Math.Max(1, options.MaxParallelRequests), options.RetryDelaySeconds);

    private sealed class MemorySink : IPullSink
    {
        public List<PulledDocument> Documents { get; } = [];

        public Task AddAsync(PulledDocument document, CancellationToken cancellationToken)
        {
            Documents.Add(document);
            return Task.CompletedTask;
        }
    }
}

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
        await CheckAzureCliTokenAsync(signIn, cancellationToken).ConfigureAwait(false);
        using var export = ExportFolder.Open(folder, shownAs ?? folder);
        using var graph = Connect(signIn, options);
        var manifest = await new TenantPuller(graph, options, export).PullAsync(signIn, cancellationToken).ConfigureAwait(false);
        await export.CommitAsync(manifest).ConfigureAwait(false);
        return manifest;
    }

    public static async Task<PulledTenant> ToMemoryAsync(GraphSignIn signIn, PullOptions options, CancellationToken cancellationToken = default)
    {
        CheckGraphUrl(options.EffectiveGraphUrl);
        await CheckAzureCliTokenAsync(signIn, cancellationToken).ConfigureAwait(false);
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

        if (url.UserInfo.Length > 0)
        {
            // Never echo it: it would be a credential on the command line.
            throw new GraphPullException("--graph-url must not carry a user name or password; sign-in settings come from environment variables");
        }
    }

    /// <summary>
    /// The Azure CLI signs a person in with its own app, whose token never carries Intune permissions: say so before
    /// any request, rather than after a 403.
    /// </summary>
    private static async Task CheckAzureCliTokenAsync(GraphSignIn signIn, CancellationToken cancellationToken)
    {
        if (!signIn.Mode.StartsWith("azurecli", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await signIn.Credential.GetTokenAsync(new Azure.Core.TokenRequestContext([.. signIn.Scopes]), cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            throw new GraphPullException($"sign-in failed (--auth {signIn.Mode}): {ex.Message.Split('\n')[0].Trim()}", ex);
        }

        var claims = signIn.Credential.LastClaims;
        if (claims.Permissions.Count > 0 && !claims.Grants(GraphPermissions.DeviceManagementConfigurationRead))
        {
            throw new GraphPullException(
                $"the Azure CLI's access token does not carry {GraphPermissions.DeviceManagementConfigurationRead}: the CLI's own user sign-in cannot hold Intune permissions. Sign the CLI in as a service principal (az login --service-principal) whose app has the permissions in docs/graph.md, or use another --auth mode.",
                GraphPermissions.DeviceManagementConfigurationRead);
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

namespace PolicyLint.Graph;

/// <summary>
/// One object a pull produced: the path findings name it by (<c>graph:/deviceManagement/configurationPolicies/&lt;id&gt;</c>),
/// the file it has in an export folder, and its UTF-8 JSON: the same bytes whether written to disk or kept in memory.
/// </summary>
public sealed record PulledDocument(string DisplayPath, string RelativePath, byte[] Utf8Json);

/// <summary>How far a pull is: objects fetched of those listed so far.</summary>
public readonly record struct PullProgress(int Fetched, int Listed);

/// <summary>One collection a pull read: how many objects Graph listed and how many were kept as WHfB-relevant.</summary>
public sealed record PulledEndpoint(string Path, int Listed, int Kept);

/// <summary>What to pull from where.</summary>
public sealed class PullOptions
{
    /// <summary>The tenant as given (id or domain); sign-in uses it, the manifest records it.</summary>
    public required string Tenant { get; init; }

    public GraphCloud Cloud { get; init; } = GraphCloud.Public;

    /// <summary>Another Graph base (scheme, host, port) than the cloud's: <c>--graph-url</c>.</summary>
    public Uri? GraphUrl { get; init; }

    /// <summary>Requests in flight at once; Graph throttles a tenant's Intune reads well above this.</summary>
    public int MaxParallelRequests { get; init; } = 8;

    /// <summary>Seconds before a retry of a 503/504 without Retry-After (doubling each time); 429s wait as Retry-After says.</summary>
    public int RetryDelaySeconds { get; init; } = 3;

    public Action<PullProgress>? Progress { get; init; }

    public Uri EffectiveGraphUrl => GraphUrl ?? Cloud.GraphBaseUrl;
}

/// <summary>What a pull did, as the manifest records it.</summary>
public sealed class PullManifest
{
    public const string FileName = "policylint-pull.json";

    public const string Generator = "policylint pull";

    public required string Tenant { get; init; }

    /// <summary>The tenant id the access token was issued for, when the token says.</summary>
    public string? TenantId { get; init; }

    public required DateTimeOffset PulledAt { get; init; }

    public required string GraphBaseUrl { get; init; }

    public required string Cloud { get; init; }

    public required string Auth { get; init; }

    public required IReadOnlyList<PulledEndpoint> Endpoints { get; init; }

    public required int Objects { get; init; }

    public required int Groups { get; init; }

    public required int AssignmentFilters { get; init; }

    public required int Requests { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>What the person should know: values left encrypted, groups that no longer exist.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The most bytes held at once of a list page and the documents made from it: one page, never the whole tenant.</summary>
    public long PeakBufferedBytes { get; init; }
}

/// <summary>An in-memory pull: the documents for the readers, and what the manifest would say.</summary>
public sealed record PulledTenant(IReadOnlyList<PulledDocument> Documents, PullManifest Manifest);

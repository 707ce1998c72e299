using System.Collections.Immutable;

namespace PolicyLint.Analysis;

/// <summary>The trust model a tenant means to deploy (<c>expectedTrustModel</c> in <c>.policylint.yml</c>).</summary>
public enum TrustModel
{
    CloudKerberos,
    Key,
    Certificate,
}

/// <summary>How the tenant's Windows devices are joined (<c>joinType</c> in <c>.policylint.yml</c>).</summary>
public enum JoinType
{
    /// <summary>Microsoft Entra joined only.</summary>
    Entra,

    /// <summary>Microsoft Entra hybrid joined only.</summary>
    Hybrid,

    /// <summary>Some of each.</summary>
    Both,
}

/// <summary>
/// What the export cannot say about a tenant and the admin can: its id, cloud, intended trust model, how devices are
/// joined, federation, the oldest Windows build in use, and per-rule options. Top-level keys of
/// <c>.policylint.yml</c> are the defaults, and each entry of <c>tenants:</c> may set its own. Null means "not said":
/// a rule that needs the fact stays silent rather than guess.
/// </summary>
public sealed record TenantFacts
{
    public static TenantFacts Unknown { get; } = new();

    /// <summary>The tenant's Entra tenant id (a GUID, lower case), if configured.</summary>
    public string? TenantId { get; init; }

    /// <summary>The cloud, in the pull command's <c>--cloud</c> names (<see cref="CloudNames"/>): public, usGovernment, usGovernmentDoD, china.</summary>
    public string? Cloud { get; init; }

    public TrustModel? ExpectedTrustModel { get; init; }

    public JoinType? JoinType { get; init; }

    /// <summary>Users sign in through a federation service (AD FS or a third party) rather than to Entra directly.</summary>
    public bool? Federated { get; init; }

    /// <summary>Host names of the federation service's sign-in pages (e.g. adfs.contoso.com).</summary>
    public ImmutableArray<string> FederationHosts { get; init; } = [];

    /// <summary>The oldest Windows build in the tenant, e.g. 10.0.19045.</summary>
    public Version? MinimumWindowsBuild { get; init; }

    /// <summary>
    /// Treat every source the export says is unassigned as assigned to all devices (baseline repositories).
    /// </summary>
    public bool AssumeAssigned { get; init; }

    /// <summary>Per-rule options (<c>rules: PL5002: { minimumPinLength: 8 }</c>), rule id to option name to text.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> RuleOptions { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>A rule's option as configured, or null.</summary>
    public string? Option(string ruleId, string name) =>
        RuleOptions.TryGetValue(ruleId, out var options) && options.TryGetValue(name, out var value) ? value : null;
}

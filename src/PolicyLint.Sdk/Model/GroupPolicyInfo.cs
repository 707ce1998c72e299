namespace PolicyLint.Model;

/// <summary>Where a GPO is linked (GPMC report LinksTo).</summary>
public sealed record GroupPolicyLink(
    string SomPath,
    string? SomName,
    bool Enabled,
    bool Enforced,
    int? LinkOrder,
    SourceLocation Location = default)
{
    /// <summary>Depth of the SOM: number of path segments below the domain (domain = 0).</summary>
    public int Depth => SomPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length - 1;
}

/// <summary>Group Policy metadata of a <see cref="PolicySource"/> whose kind is GroupPolicy.</summary>
public sealed class GroupPolicyInfo
{
    public string? Guid { get; init; }

    public string? Domain { get; init; }

    public bool ComputerEnabled { get; init; } = true;

    public bool UserEnabled { get; init; } = true;

    public string? WmiFilterName { get; init; }

    public IReadOnlyList<GroupPolicyLink> Links { get; init; } = [];

    /// <summary>False when the input carries no link data at all (a standalone Registry.pol, a backup without report).</summary>
    public bool LinksKnown { get; init; }

    public bool HasEnabledLink => Links.Any(l => l.Enabled);
}

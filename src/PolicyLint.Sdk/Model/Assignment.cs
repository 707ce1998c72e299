namespace PolicyLint.Model;

public enum AssignmentTargetKind
{
    /// <summary>groupAssignmentTarget: the group is included.</summary>
    Group,

    /// <summary>exclusionGroupAssignmentTarget: the group is excluded.</summary>
    ExcludedGroup,

    /// <summary>allDevicesAssignmentTarget.</summary>
    AllDevices,

    /// <summary>allLicensedUsersAssignmentTarget.</summary>
    AllUsers,

    /// <summary>A Group Policy link: the GPO applies below the linked SOM (domain, site or OU).</summary>
    GpoLink,
}

public enum AssignmentFilterMode
{
    None,
    Include,
    Exclude,
}

/// <summary>One assignment of a policy source: whom it targets, with an optional assignment filter.</summary>
public sealed record Assignment(
    AssignmentTargetKind Kind,
    string? GroupId = null,
    string? GroupName = null,
    string? FilterId = null,
    AssignmentFilterMode FilterMode = AssignmentFilterMode.None,
    SourceLocation Location = default)
{
    public bool IsExclusion => Kind == AssignmentTargetKind.ExcludedGroup;

    public bool IsAllTarget => Kind is AssignmentTargetKind.AllDevices or AssignmentTargetKind.AllUsers;

    /// <summary>A stable key for the target: the group id when known, otherwise its name.</summary>
    public string TargetKey { get; } = Kind switch
    {
        AssignmentTargetKind.AllDevices => "all-devices",
        AssignmentTargetKind.AllUsers => "all-users",
        _ => (GroupId ?? GroupName ?? string.Empty).ToLowerInvariant(),
    };

    public string Describe() => Kind switch
    {
        AssignmentTargetKind.AllDevices => "All devices",
        AssignmentTargetKind.AllUsers => "All users",
        AssignmentTargetKind.ExcludedGroup => $"excluded group {GroupName ?? GroupId}",
        AssignmentTargetKind.GpoLink => $"link {GroupName ?? GroupId}",
        _ => $"group {GroupName ?? GroupId}",
    };
}

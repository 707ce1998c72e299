using System.Collections.Immutable;

namespace PolicyLint.Model;

public enum AssignmentState
{
    /// <summary>The export carries no assignment data (a template, or a tool that does not export them).</summary>
    Unknown,

    /// <summary>The export says the source has no assignment: it reaches no device.</summary>
    Unassigned,

    /// <summary>The export lists the assignments.</summary>
    Assigned,
}

/// <summary>
/// One policy object: an Intune profile or policy, or a GPO, with its settings and assignments. Immutable: readers
/// build one with <see cref="PolicySourceBuilder"/>; later stages that complete it (group names) make a new one with
/// <see cref="WithAssignments"/>, so nothing downstream can change what a reader produced.
/// </summary>
public sealed class PolicySource
{
    internal PolicySource(PolicySourceBuilder builder)
        : this(builder.Kind, builder.DisplayName, builder.Location, builder.Id, builder.TemplateId, builder.TemplateFamily, builder.TemplateDisplayName,
            builder.GroupPolicy, builder.AssignmentState, [.. builder.Assignments], builder.Settings)
    {
    }

    private PolicySource(
        SourceKind kind,
        string displayName,
        SourceLocation location,
        string? id,
        string? templateId,
        string? templateFamily,
        string? templateDisplayName,
        GroupPolicyInfo? groupPolicy,
        AssignmentState assignmentState,
        ImmutableArray<Assignment> assignments,
        IEnumerable<PolicySetting> settings)
    {
        Kind = kind;
        DisplayName = displayName;
        Location = location;
        Id = id;
        TemplateId = templateId;
        TemplateFamily = templateFamily;
        TemplateDisplayName = templateDisplayName;
        GroupPolicy = groupPolicy;
        AssignmentState = assignmentState;
        Assignments = assignments;
        Settings = [.. settings.Select(s => s.AttachedTo(this))];
    }

    public SourceKind Kind { get; }

    /// <summary>The object id (Graph id or GPO GUID), when the export has one.</summary>
    public string? Id { get; }

    public string DisplayName { get; }

    /// <summary>Where the object starts (or its name is written).</summary>
    public SourceLocation Location { get; }

    public string FilePath => Location.FilePath;

    public AssignmentState AssignmentState { get; }

    public ImmutableArray<Assignment> Assignments { get; }

    public ImmutableArray<PolicySetting> Settings { get; }

    public string? TemplateId { get; }

    public string? TemplateFamily { get; }

    public string? TemplateDisplayName { get; }

    /// <summary>Group Policy metadata; null for Intune sources.</summary>
    public GroupPolicyInfo? GroupPolicy { get; }

    public bool IsGroupPolicy => Kind == SourceKind.GroupPolicy;

    /// <summary>
    /// Identity that survives reformatting, moving and renaming files: the object id where the export has one, else
    /// kind and display name.
    /// </summary>
    public string Identity => Id is { Length: > 0 } id ? id.ToLowerInvariant() : $"{Kind}:{DisplayName}";

    /// <summary>
    /// A copy with other assignments (the same settings, attached to the copy). New assignments make an unassigned
    /// source assigned (assumeAssigned); otherwise the state stays as read.
    /// </summary>
    public PolicySource WithAssignments(IEnumerable<Assignment> assignments)
    {
        ImmutableArray<Assignment> list = [.. assignments];
        var state = AssignmentState == AssignmentState.Unassigned && list.Length > 0 ? AssignmentState.Assigned : AssignmentState;
        return new(Kind, DisplayName, Location, Id, TemplateId, TemplateFamily, TemplateDisplayName, GroupPolicy, state, list, Settings);
    }

    /// <summary>Short label for messages: <c>Settings Catalog profile 'WHfB baseline'</c>.</summary>
    public string Describe() => $"{Kind.DisplayName()} '{DisplayName}'";

    public override string ToString() => Describe();
}

/// <summary>What a reader fills in while it reads one policy object; <see cref="Build"/> gives the immutable source.</summary>
public sealed class PolicySourceBuilder
{
    private readonly List<PolicySetting> _settings = [];
    private readonly List<Assignment> _assignments = [];

    public PolicySourceBuilder(SourceKind kind, string displayName, SourceLocation location)
    {
        Kind = kind;
        DisplayName = displayName;
        Location = location;
    }

    public SourceKind Kind { get; }

    public string DisplayName { get; }

    public SourceLocation Location { get; }

    public string? Id { get; init; }

    public string? TemplateId { get; init; }

    public string? TemplateFamily { get; init; }

    public string? TemplateDisplayName { get; init; }

    public GroupPolicyInfo? GroupPolicy { get; init; }

    public AssignmentState AssignmentState { get; set; } = AssignmentState.Unknown;

    public IReadOnlyList<PolicySetting> Settings => _settings;

    public IReadOnlyList<Assignment> Assignments => _assignments;

    public void Add(PolicySetting setting) => _settings.Add(setting);

    public void AddAssignment(Assignment assignment)
    {
        _assignments.Add(assignment);
        AssignmentState = AssignmentState.Assigned;
    }

    public string Describe() => $"{Kind.DisplayName()} '{DisplayName}'";

    public PolicySource Build() => new(this);
}

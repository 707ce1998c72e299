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

/// <summary>One policy object: an Intune profile or policy, or a GPO, with its settings and assignments.</summary>
public sealed class PolicySource
{
    private readonly List<PolicySetting> _settings = [];
    private readonly List<Assignment> _assignments = [];

    public PolicySource(SourceKind kind, string displayName, SourceLocation location)
    {
        Kind = kind;
        DisplayName = displayName;
        Location = location;
    }

    public SourceKind Kind { get; }

    /// <summary>The object id (Graph id or GPO GUID), when the export has one.</summary>
    public string? Id { get; init; }

    public string DisplayName { get; }

    /// <summary>Where the object starts (or its name is written).</summary>
    public SourceLocation Location { get; }

    public string FilePath => Location.FilePath;

    public AssignmentState AssignmentState { get; set; } = AssignmentState.Unknown;

    public IReadOnlyList<Assignment> Assignments => _assignments;

    public IReadOnlyList<PolicySetting> Settings => _settings;

    public string? TemplateId { get; init; }

    public string? TemplateFamily { get; init; }

    public string? TemplateDisplayName { get; init; }

    /// <summary>Group Policy metadata; null for Intune sources.</summary>
    public GroupPolicyInfo? GroupPolicy { get; init; }

    public bool IsGroupPolicy => Kind == SourceKind.GroupPolicy;

    public void Add(PolicySetting setting)
    {
        setting.Source = this;
        _settings.Add(setting);
    }

    public void AddAssignment(Assignment assignment)
    {
        _assignments.Add(assignment);
        AssignmentState = AssignmentState.Assigned;
    }

    /// <summary>
    /// Completes group targets from a directory of the export set: a name for a target that carries only an id, an id
    /// for one that carries only a name. Targets that carry both, or that the directory does not know, stay as read.
    /// </summary>
    public void NameGroups(Func<string, string?> nameOfId, Func<string, string?> idOfName)
    {
        for (var i = 0; i < _assignments.Count; i++)
        {
            var assignment = _assignments[i];
            if (assignment.Kind is not (AssignmentTargetKind.Group or AssignmentTargetKind.ExcludedGroup))
            {
                continue;
            }

            if (assignment.GroupName is null && assignment.GroupId is { } id && nameOfId(id) is { } name)
            {
                _assignments[i] = assignment with { GroupName = name };
            }
            else if (assignment.GroupId is null && assignment.GroupName is { } known && idOfName(known) is { } found)
            {
                _assignments[i] = assignment with { GroupId = found };
            }
        }
    }

    /// <summary>Short label for messages: <c>Settings Catalog profile 'WHfB baseline'</c>.</summary>
    public string Describe() => $"{Kind.DisplayName()} '{DisplayName}'";

    public override string ToString() => Describe();
}

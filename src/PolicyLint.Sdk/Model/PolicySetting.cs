namespace PolicyLint.Model;

public enum SettingProblem
{
    None,

    /// <summary>The name looks like a PassportForWork (or related) node, but the catalogue does not know it.</summary>
    UnknownNode,

    /// <summary>The value cannot be read as the node's data type.</summary>
    MalformedValue,

    /// <summary>The value is outside the node's documented range.</summary>
    OutOfRange,

    /// <summary>The node exists, but not in this scope (e.g. cloud trust under ./User).</summary>
    WrongScope,

    /// <summary>The value is encrypted in the export and was not read (it is never printed).</summary>
    EncryptedValue,

    /// <summary>
    /// An OMA-URI meant for PassportForWork that cannot address it (misspelt scope root, wrong vendor path, white space,
    /// a trailing slash): kept with no node and no value, since the device never applies it (PL4008).
    /// </summary>
    MalformedOmaUri,
}

/// <summary>One WHfB setting, normalized to its CSP node, with where it was written.</summary>
public sealed class PolicySetting
{
    public PolicySetting(CspNode? node, PolicyScope scope, PolicyValue value, string writtenName, SourceLocation location)
    {
        Node = node;
        Scope = scope;
        Value = value;
        WrittenName = writtenName;
        Location = location;
        NameLocation = location;
    }

    /// <summary>The source that carries this setting (set once, when the source is built).</summary>
    public PolicySource Source { get; private set; } = null!;

    /// <summary>The catalogue node, or null when the name is not known (see <see cref="Problem"/>).</summary>
    public CspNode? Node { get; }

    public PolicyScope Scope { get; }

    public PolicyValue Value { get; }

    /// <summary>The name as the input wrote it: an OMA-URI, a settingDefinitionId, a property or a GPO policy name.</summary>
    public string WrittenName { get; }

    /// <summary>The value as the input wrote it (e.g. a choice value id). Null for encrypted values.</summary>
    public string? RawValue { get; init; }

    /// <summary>Where the value is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>Where the name (OMA-URI, settingDefinitionId, policy name) is written.</summary>
    public SourceLocation NameLocation { get; init; }

    public SettingProblem Problem { get; init; }

    public string? ProblemDetail { get; init; }

    /// <summary>Null when the setting reaches devices; otherwise why it does not (GPO section disabled, no enabled link, ...).</summary>
    public string? NotAppliedReason { get; init; }

    public bool IsApplied => NotAppliedReason is null;

    /// <summary>
    /// Whether the setting can take effect and so take part in precedence: a known node, a usable value, applied. A
    /// source that is not assigned yet takes part too: it reaches no device today, and its pairs with other sources
    /// are pending (<see cref="OverlapKind.Pending"/>), reported as notes that take effect once both are assigned.
    /// </summary>
    public bool TakesEffect =>
        Node is not null
        && IsApplied
        && Value.Kind != PolicyValueKind.None
        && Problem is SettingProblem.None;

    /// <summary>The label used in messages: the node id in its scope, e.g. <c>./Device/.../UsePassportForWork</c>.</summary>
    public string DisplayPath => Node is null ? WrittenName : $"{Node.Name} ({Scope.ToString().ToLowerInvariant()} scope)";

    /// <summary>This setting bound to <paramref name="source"/>: itself the first time, a copy when it already has a source.</summary>
    internal PolicySetting AttachedTo(PolicySource source)
    {
        if (Source is null)
        {
            Source = source;
            return this;
        }

        return new PolicySetting(Node, Scope, Value, WrittenName, Location)
        {
            Source = source,
            RawValue = RawValue,
            NameLocation = NameLocation,
            Problem = Problem,
            ProblemDetail = ProblemDetail,
            NotAppliedReason = NotAppliedReason,
        };
    }

    public override string ToString() => $"{Node?.Id ?? WrittenName} [{Scope}] = {Value} @ {Location}";
}

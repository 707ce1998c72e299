namespace PolicyLint.Model;

/// <summary>
/// The precedence tiers, lowest first. From Microsoft's WHfB configuration guidance: User GPO &gt; Computer GPO &gt;
/// User CSP &gt; Device CSP; Group Policy always beats MDM for PassportForWork (MDMWinsOverGP does not apply); the
/// tenant-wide enrollment policy only acts at enrollment and any targeted policy replaces it. For Policy CSP nodes
/// (not PassportForWork), an Intune setting on devices where ControlPolicyConflict/MDMWinsOverGP is 1 wins over
/// Group Policy.
/// </summary>
public enum PrecedenceTier
{
    EnrollmentDefault = 0,
    DeviceCsp = 1,
    UserCsp = 2,
    ComputerGpo = 3,
    UserGpo = 4,

    /// <summary>A Policy CSP setting from Intune on devices that an assigned MDMWinsOverGP = 1 certainly reaches.</summary>
    MdmWinsOverGp = 5,
}

/// <summary>
/// Nodes whose precedence is decided together, not node by node ("Manage Windows Hello for Business in your
/// organization", policy conflicts from multiple policy sources; reference H13).
/// </summary>
public enum PrecedenceGroup
{
    /// <summary>Resolved on its own.</summary>
    None,

    /// <summary>UsePassportForWork and UseCertificateForOnPremAuth: both from the source that wins UsePassportForWork.</summary>
    Enablement,

    /// <summary>Every PIN complexity setting plus RequireSecurityDevice and its TPM 1.2 exclusion: all from one source.</summary>
    PinComplexity,
}

/// <summary>How strongly a setting applies: the tier first, then the rank inside it (GPO link order, enforcement).</summary>
public readonly record struct Precedence(PrecedenceTier Tier, int Rank) : IComparable<Precedence>
{
    public int CompareTo(Precedence other)
    {
        var byTier = Tier.CompareTo(other.Tier);
        return byTier != 0 ? byTier : Rank.CompareTo(other.Rank);
    }

    public static bool operator >(Precedence a, Precedence b) => a.CompareTo(b) > 0;

    public static bool operator <(Precedence a, Precedence b) => a.CompareTo(b) < 0;

    public static bool operator >=(Precedence a, Precedence b) => a.CompareTo(b) >= 0;

    public static bool operator <=(Precedence a, Precedence b) => a.CompareTo(b) <= 0;
}

/// <summary>
/// A setting that does not take effect where an overlapping, stronger one applies: one that sets the same node, or,
/// for grouped nodes (<see cref="Group"/> is not None), one that sets another node of the group from a stronger
/// source, which then supplies the whole group.
/// </summary>
public sealed record Shadowing(PolicySetting Shadowed, PolicySetting Winner, OverlapKind Overlap, string Reason, PrecedenceGroup Group = PrecedenceGroup.None)
{
    /// <summary>The winner sets another node of the same precedence group (so its value is not this node's value).</summary>
    public bool IsByGroup => Group != PrecedenceGroup.None && !ReferenceEquals(Winner.Node, Shadowed.Node);
}

/// <summary>Two overlapping settings of equal precedence that set the same node to different values.</summary>
public sealed record ValueConflict(PolicySetting First, PolicySetting Second, OverlapKind Overlap);

/// <summary>Everything that sets one CSP node, resolved.</summary>
public sealed class EffectiveNode
{
    public EffectiveNode(
        CspNode node,
        IReadOnlyList<PolicySetting> settings,
        IReadOnlyList<Shadowing> shadowed,
        IReadOnlyList<ValueConflict> conflicts,
        IReadOnlyList<Shadowing>? shadowedWithinTier = null)
    {
        Node = node;
        Settings = settings;
        Shadowed = shadowed;
        Conflicts = conflicts;
        ShadowedWithinTier = shadowedWithinTier ?? [];
    }

    public CspNode Node { get; }

    /// <summary>Applied settings of this node in both scopes, strongest first.</summary>
    public IReadOnlyList<PolicySetting> Settings { get; }

    public IReadOnlyList<Shadowing> Shadowed { get; }

    public IReadOnlyList<ValueConflict> Conflicts { get; }

    /// <summary>
    /// Shadowing among settings of the same tier only (GPO against GPO in one configuration section, link against
    /// link), even where a stronger tier wins over both: their disagreement is still worth reporting.
    /// </summary>
    public IReadOnlyList<Shadowing> ShadowedWithinTier { get; }

    /// <summary>The strongest applied setting (what a device in every source's scope would get), if any.</summary>
    public PolicySetting? Winner => Settings.Count > 0 ? Settings[0] : null;
}

/// <summary>The effective policy of one linted input set: every node resolved with the real precedence rules.</summary>
public sealed class EffectivePolicy
{
    private readonly Dictionary<string, EffectiveNode> _byNode;
    private readonly Dictionary<PolicySetting, Precedence> _precedence;
    private Dictionary<PolicySetting, Shadowing>? _shadowing;

    public EffectivePolicy(IReadOnlyList<PolicySource> sources, IReadOnlyList<EffectiveNode> nodes, Dictionary<PolicySetting, Precedence> precedence)
    {
        Sources = sources;
        Nodes = nodes;
        _precedence = precedence;
        _byNode = nodes.ToDictionary(n => n.Node.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PolicySource> Sources { get; }

    public IReadOnlyList<EffectiveNode> Nodes { get; }

    public EffectiveNode? this[CspNode node] => Find(node.Id);

    public EffectiveNode? Find(string nodeId) => _byNode.GetValueOrDefault(nodeId);

    public Precedence PrecedenceOf(PolicySetting setting) => _precedence.GetValueOrDefault(setting);

    /// <summary>
    /// Why a setting does not take effect where a stronger overlapping one applies, or null when nothing overrides it.
    /// A shadowed setting may still apply to targets the winner does not reach, and <see cref="Shadowing.Overlap"/> says
    /// how sure the override is: Certain (it applies wherever both reach), Assumed (the export cannot tell), Pending (one
    /// side is not assigned yet). A rule about what devices get today counts only a Certain override as decisive.
    /// </summary>
    public Shadowing? ShadowingOf(PolicySetting setting)
    {
        if (_shadowing is null)
        {
            var map = new Dictionary<PolicySetting, Shadowing>();
            foreach (var node in Nodes)
            {
                foreach (var shadowing in node.Shadowed)
                {
                    map.TryAdd(shadowing.Shadowed, shadowing);
                }
            }

            _shadowing = map;
        }

        return _shadowing.GetValueOrDefault(setting);
    }

    /// <summary>Applied settings of a node in one scope.</summary>
    public IEnumerable<PolicySetting> SettingsOf(CspNode node, PolicyScope? scope = null) =>
        Find(node.Id)?.Settings.Where(s => scope is null || s.Scope == scope) ?? [];
}

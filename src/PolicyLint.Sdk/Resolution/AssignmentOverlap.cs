using PolicyLint.Model;

namespace PolicyLint.Resolution;

/// <summary>Whether two policy sources can reach the same device, judged from their exported assignments.</summary>
public static class AssignmentOverlap
{
    /// <summary>
    /// Overlap of two settings: as <see cref="Between(PolicySource, PolicySource)"/>, except that a GPO's User
    /// Configuration follows the user's OU and Computer Configuration the computer's. A user from one OU signs in on
    /// a computer from another, so between scopes of linked GPOs SOM paths cannot rule overlap out: it is assumed.
    /// </summary>
    public static OverlapKind Between(PolicySetting first, PolicySetting second)
    {
        if (first.Scope == second.Scope || !first.Source.IsGroupPolicy || !second.Source.IsGroupPolicy)
        {
            return Between(first.Source, second.Source);
        }

        if (!Reaches(first.Source) || !Reaches(second.Source))
        {
            return OverlapKind.None;
        }

        return first.Source.AssignmentState == AssignmentState.Unassigned || second.Source.AssignmentState == AssignmentState.Unassigned
            ? OverlapKind.Pending
            : OverlapKind.Assumed;
    }

    public static OverlapKind Between(PolicySource first, PolicySource second)
    {
        if (ReferenceEquals(first, second))
        {
            return OverlapKind.Certain;
        }

        // Not assigned yet (a baseline repository, a staging export): nothing overlaps today, but the pair takes
        // effect once both are assigned to the same devices, which the export cannot rule out (issue 8, section 2).
        // A GPO that is not linked anywhere is not "about to be assigned": it reaches no one.
        if (first.AssignmentState == AssignmentState.Unassigned || second.AssignmentState == AssignmentState.Unassigned)
        {
            return IsUnlinkedGpo(first) || IsUnlinkedGpo(second) ? OverlapKind.None : OverlapKind.Pending;
        }

        if (first.IsGroupPolicy || second.IsGroupPolicy)
        {
            return BetweenWithGroupPolicy(first, second);
        }

        if (first.AssignmentState == AssignmentState.Unknown || second.AssignmentState == AssignmentState.Unknown)
        {
            return OverlapKind.Assumed;
        }

        return Targets(first, second);
    }

    /// <summary>
    /// GPO links name OUs and Intune assignments name Entra groups: a hybrid-joined device sits in both, and the
    /// export cannot say which, so overlap is assumed whenever the GPO is linked (or its links are unknown).
    /// Between two GPOs the SOM paths decide: one is at or below the other's SOM.
    /// </summary>
    private static OverlapKind BetweenWithGroupPolicy(PolicySource first, PolicySource second)
    {
        var firstLinks = LinkedSoms(first);
        var secondLinks = LinkedSoms(second);
        if (firstLinks is { Count: 0 } || secondLinks is { Count: 0 })
        {
            return OverlapKind.None;
        }

        if (!first.IsGroupPolicy || !second.IsGroupPolicy || firstLinks is null || secondLinks is null)
        {
            // A GPO linked at the domain root reaches every domain-joined device, and an Intune policy for All devices
            // (or All users) every enrolled one: a hybrid-joined device gets both for sure (PolicyLint's reading).
            var (gpo, intune) = first.IsGroupPolicy ? (first, second) : (second, first);
            return !intune.IsGroupPolicy && LinkedAtDomainRoot(gpo) && TargetsEveryone(intune) ? OverlapKind.Certain : OverlapKind.Assumed;
        }

        foreach (var a in firstLinks)
        {
            foreach (var b in secondLinks)
            {
                if (IsAtOrBelow(a, b) || IsAtOrBelow(b, a))
                {
                    return OverlapKind.Certain;
                }
            }
        }

        return OverlapKind.None;
    }

    private static bool LinkedAtDomainRoot(PolicySource gpo) =>
        gpo.GroupPolicy is { LinksKnown: true } info && info.Links.Any(l => l.Enabled && l.Depth == 0 && !l.SomPath.Contains('/'));

    private static bool TargetsEveryone(PolicySource source) =>
        source.AssignmentState == AssignmentState.Assigned
        && source.Assignments.Any(a => a.IsAllTarget && a.FilterMode == AssignmentFilterMode.None)
        && !source.Assignments.Any(a => a.IsExclusion);

    /// <summary>Enabled link SOM paths, or null when the GPO's links are not known (a bare Registry.pol).</summary>
    private static List<string>? LinkedSoms(PolicySource source)
    {
        if (!source.IsGroupPolicy)
        {
            return null;
        }

        var info = source.GroupPolicy;
        if (info is null || !info.LinksKnown)
        {
            return null;
        }

        return info.Links.Where(l => l.Enabled).Select(l => l.SomPath.TrimEnd('/').ToLowerInvariant()).ToList();
    }

    /// <summary>The source can reach someone, now or once assigned: not a GPO whose links are all known and disabled or absent.</summary>
    private static bool Reaches(PolicySource source) => !IsUnlinkedGpo(source);

    private static bool IsUnlinkedGpo(PolicySource source) => LinkedSoms(source) is { Count: 0 };

    public static bool IsAtOrBelow(string som, string ancestor) =>
        som == ancestor || som.StartsWith(ancestor + "/", StringComparison.Ordinal);

    /// <summary>
    /// Some include of <paramref name="a"/> meets some include of <paramref name="b"/> (same group, or either targets
    /// All devices / All users), and neither side excludes the other's group: a policy for All devices that excludes
    /// the pilot group does not reach the pilot group's devices. All users against All devices is a user target against
    /// a device target: they meet on the devices those users sign in to, which the export cannot tell, so the overlap
    /// is possible, not certain.
    /// </summary>
    private static OverlapKind Targets(PolicySource a, PolicySource b)
    {
        var result = OverlapKind.None;

        // Assignment lists are short (a handful per policy): plain loops, no allocation.
        foreach (var x in a.Assignments)
        {
            if (x.IsExclusion)
            {
                continue;
            }

            foreach (var y in b.Assignments)
            {
                if (y.IsExclusion)
                {
                    continue;
                }

                var meets = x.IsAllTarget || y.IsAllTarget || (x.TargetKey.Length > 0 && x.TargetKey == y.TargetKey);
                if (meets && !IsExcluded(a, y) && !IsExcluded(b, x) && !FiltersSeparate(x, y))
                {
                    if (!IsUserAgainstDevice(x, y))
                    {
                        return OverlapKind.Certain;
                    }

                    result = OverlapKind.Assumed;
                }
            }
        }

        return result;
    }

    private static bool IsUserAgainstDevice(Assignment x, Assignment y) =>
        (x.Kind == AssignmentTargetKind.AllUsers && y.Kind == AssignmentTargetKind.AllDevices)
        || (x.Kind == AssignmentTargetKind.AllDevices && y.Kind == AssignmentTargetKind.AllUsers);

    /// <summary>
    /// The same assignment filter included on one side and excluded on the other: a device matches the filter or it
    /// does not, so no device gets both (Intune evaluates a filter per device at check-in).
    /// </summary>
    public static bool FiltersSeparate(Assignment x, Assignment y) =>
        x.FilterId is { Length: > 0 } filter
        && string.Equals(filter, y.FilterId, StringComparison.OrdinalIgnoreCase)
        && x.FilterMode != AssignmentFilterMode.None
        && y.FilterMode != AssignmentFilterMode.None
        && x.FilterMode != y.FilterMode;

    /// <summary>Whether the source excludes exactly the group an include of the other side targets.</summary>
    private static bool IsExcluded(PolicySource source, Assignment include)
    {
        if (include.IsAllTarget || include.TargetKey.Length == 0)
        {
            return false;
        }

        foreach (var assignment in source.Assignments)
        {
            if (assignment.IsExclusion && assignment.TargetKey == include.TargetKey)
            {
                return true;
            }
        }

        return false;
    }
}

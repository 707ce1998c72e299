using PolicyLint.Model;

namespace PolicyLint.Resolution;

/// <summary>
/// Settings indexed by whom their source targets, to find an overlapping one without comparing every pair. Sources
/// that reach everyone or whose reach is unknown (All devices/users, no exported assignments, GPOs) are kept in a
/// short list checked first; group targets are hashed. Rules that pair settings across policies use it too.
/// </summary>
public sealed class OverlapIndex
{
    private readonly List<PolicySetting> _broad = [];

    // Sources already in _broad, per scope (device, user): sets of references, not of tuples, which would be
    // JIT-compiled at every start (docs/performance.md, cold start).
    private readonly HashSet<PolicySource> _broadDevice = [];
    private readonly HashSet<PolicySource> _broadUser = [];
    private readonly Dictionary<string, List<PolicySetting>> _byTarget = new(StringComparer.Ordinal);

    public void Add(PolicySetting setting)
    {
        var source = setting.Source;
        if (IsBroad(source))
        {
            // One entry per source and scope: a GPO's two sections overlap differently (see AssignmentOverlap).
            if ((setting.Scope == PolicyScope.User ? _broadUser : _broadDevice).Add(source))
            {
                _broad.Add(setting);
            }

            return;
        }

        foreach (var assignment in source.Assignments)
        {
            if (assignment.IsExclusion)
            {
                continue;
            }

            if (!_byTarget.TryGetValue(assignment.TargetKey, out var list))
            {
                _byTarget[assignment.TargetKey] = list = [];
            }

            list.Add(setting);
        }
    }

    /// <summary>The first indexed setting (in the order added) that can reach a device the given setting reaches.</summary>
    public (PolicySetting Setting, OverlapKind Overlap)? FindOverlapping(PolicySetting setting)
    {
        foreach (var candidate in _broad)
        {
            var overlap = AssignmentOverlap.Between(candidate, setting);
            if (overlap != OverlapKind.None)
            {
                return (candidate, overlap);
            }
        }

        var source = setting.Source;
        if (IsBroad(source))
        {
            // A broad source meets any group target.
            foreach (var bucket in _byTarget.Values)
            {
                if (FirstOverlapping(bucket, setting) is { } hit)
                {
                    return hit;
                }
            }

            return null;
        }

        foreach (var assignment in source.Assignments)
        {
            if (!assignment.IsExclusion && _byTarget.TryGetValue(assignment.TargetKey, out var bucket) && FirstOverlapping(bucket, setting) is { } hit)
            {
                return hit;
            }
        }

        return null;
    }

    /// <summary>Usually the first candidate overlaps; later ones matter when the first excludes this source's group.</summary>
    private static (PolicySetting Setting, OverlapKind Overlap)? FirstOverlapping(List<PolicySetting> bucket, PolicySetting setting)
    {
        foreach (var candidate in bucket)
        {
            var overlap = AssignmentOverlap.Between(candidate, setting);
            if (overlap != OverlapKind.None)
            {
                return (candidate, overlap);
            }
        }

        return null;
    }

    private static bool IsBroad(PolicySource source)
    {
        if (source.IsGroupPolicy || source.AssignmentState == AssignmentState.Unknown)
        {
            return true;
        }

        foreach (var assignment in source.Assignments)
        {
            if (assignment.IsAllTarget)
            {
                return true;
            }
        }

        return false;
    }
}

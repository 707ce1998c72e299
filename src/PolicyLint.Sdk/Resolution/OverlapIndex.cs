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

    /// <summary>
    /// An indexed setting that can reach a device the given setting reaches: the first with certain overlap (in the
    /// order added), else the first with assumed overlap, else the first pending assignment.
    /// </summary>
    public (PolicySetting Setting, OverlapKind Overlap)? FindOverlapping(PolicySetting setting)
    {
        PolicySetting? best = null;
        var bestKind = OverlapKind.None;
        foreach (var candidate in _broad)
        {
            if (Consider(candidate, setting, ref best, ref bestKind))
            {
                return (best!, bestKind);
            }
        }

        var source = setting.Source;
        if (IsBroad(source))
        {
            // A broad source meets any group target.
            foreach (var bucket in _byTarget.Values)
            {
                if (ConsiderAll(bucket, setting, ref best, ref bestKind))
                {
                    return (best!, bestKind);
                }
            }
        }
        else
        {
            foreach (var assignment in source.Assignments)
            {
                if (!assignment.IsExclusion && _byTarget.TryGetValue(assignment.TargetKey, out var bucket)
                    && ConsiderAll(bucket, setting, ref best, ref bestKind))
                {
                    return (best!, bestKind);
                }
            }
        }

        return best is null ? null : (best, bestKind);
    }

    /// <summary>
    /// Every indexed setting that can reach a device the given setting reaches, each once, in the order added within
    /// the broad list and within each target: only settings that share a target (or reach broadly) are compared, so
    /// the cost follows the answer rather than the index's size.
    /// </summary>
    public List<(PolicySetting Setting, OverlapKind Overlap)> FindAllOverlapping(PolicySetting setting)
    {
        var result = new List<(PolicySetting Setting, OverlapKind Overlap)>();
        var seen = new HashSet<PolicySetting>();
        void Check(PolicySetting candidate)
        {
            if (seen.Add(candidate) && AssignmentOverlap.Between(candidate, setting) is var overlap && overlap != OverlapKind.None)
            {
                result.Add((candidate, overlap));
            }
        }

        foreach (var candidate in _broad)
        {
            Check(candidate);
        }

        if (IsBroad(setting.Source))
        {
            foreach (var bucket in _byTarget.Values)
            {
                foreach (var candidate in bucket)
                {
                    Check(candidate);
                }
            }
        }
        else
        {
            foreach (var assignment in setting.Source.Assignments)
            {
                if (!assignment.IsExclusion && _byTarget.TryGetValue(assignment.TargetKey, out var bucket))
                {
                    foreach (var candidate in bucket)
                    {
                        Check(candidate);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Usually the first candidate overlaps; later ones matter when the first excludes this source's group.</summary>
    private static bool ConsiderAll(List<PolicySetting> bucket, PolicySetting setting, ref PolicySetting? best, ref OverlapKind bestKind)
    {
        foreach (var candidate in bucket)
        {
            if (Consider(candidate, setting, ref best, ref bestKind))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps the surest overlap seen so far; true once it is certain (nothing can beat it).</summary>
    private static bool Consider(PolicySetting candidate, PolicySetting setting, ref PolicySetting? best, ref OverlapKind bestKind)
    {
        var overlap = AssignmentOverlap.Between(candidate, setting);
        if (overlap == OverlapKind.None)
        {
            return false;
        }

        if (best is null || Sureness(overlap) > Sureness(bestKind))
        {
            best = candidate;
            bestKind = overlap;
        }

        return overlap == OverlapKind.Certain;
    }

    private static int Sureness(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => 3,
        OverlapKind.Assumed => 2,
        OverlapKind.Pending => 1,
        _ => 0,
    };

    private static bool IsBroad(PolicySource source)
    {
        // Not assigned yet: it may be assigned to anyone, so it is checked against everything (as pending overlap).
        if (source.IsGroupPolicy || source.AssignmentState is AssignmentState.Unknown or AssignmentState.Unassigned)
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

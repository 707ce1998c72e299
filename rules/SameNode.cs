using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// What PL2004 and PL2005 share: which settings count (a usable value, assigned or not yet), one key per node as the
/// device sees it (custom OMA-URI rows compared after normalization), overlap with an unassigned side, and the words
/// for whom a pair reaches.
/// </summary>
internal static class SameNode
{
    /// <summary>
    /// A setting with a usable value that reaches devices once its source is assigned: unlike
    /// <see cref="PolicySetting.TakesEffect"/>, an unassigned source counts (issue 8, section 2: it is about to be assigned).
    /// </summary>
    public static bool Counts(PolicySetting setting) =>
        setting.Node is not null
        && setting.IsApplied
        && setting.Value.Kind != PolicyValueKind.None
        && setting.Problem == SettingProblem.None;

    public static bool IsUnassigned(PolicySetting setting) => setting.Source.AssignmentState == AssignmentState.Unassigned;

    /// <summary>
    /// The node and scope a setting writes. A custom OMA-URI row also keeps its tenant GUID (braces and case ignored,
    /// see <see cref="OmaUri.NormalizedPath"/>): rows for two different tenant GUIDs write two different nodes.
    /// </summary>
    public static string KeyOf(PolicySetting setting)
    {
        var scope = setting.Scope == PolicyScope.User ? "user" : "device";
        if (setting.Source.Kind == SourceKind.CustomOmaUri && OmaUri.Parse(setting.WrittenName)?.NormalizedPath is { } path)
        {
            return $"{setting.Node!.Id}|{scope}|{path.ToLowerInvariant()}";
        }

        return $"{setting.Node!.Id}|{scope}";
    }

    /// <summary>The stronger claim of two hits: certain, then possible, then pending.</summary>
    public static bool IsStronger(OverlapKind candidate, OverlapKind current) => Rank(candidate) > Rank(current);

    private static int Rank(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => 3,
        OverlapKind.Assumed => 2,
        OverlapKind.Pending => 1,
        _ => 0,
    };

    /// <summary>
    /// Whom two settings reach together, in the words of <see cref="OverlapLevels.Describe"/>: "both reach group WHfB
    /// Pilot (certain overlap)", the possible overlap, or which side is not assigned yet and what that means.
    /// </summary>
    public static string Whom(PolicySetting a, PolicySetting b, OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => $"both reach {CommonTarget(a, b)} ({OverlapLevels.Describe(overlap)})",
        OverlapKind.Pending => $"{NotAssigned(a.Source, b.Source)} yet: this takes effect once both are assigned to the same devices",
        _ => $"they may reach the same devices ({OverlapLevels.Describe(overlap)})",
    };

    /// <summary>"'B' is not assigned yet", or both names when neither is.</summary>
    public static string NotAssigned(params PolicySource[] sources)
    {
        var names = sources.Where(s => s.AssignmentState == AssignmentState.Unassigned).Select(s => $"'{s.DisplayName}'").Distinct().ToList();
        return names.Count == 1 ? $"{names[0]} is not assigned" : $"{string.Join(" and ", names)} are not assigned";
    }

    /// <summary>Where two certainly overlapping sources meet: the narrower of two targets, or the deeper of two GPO links.</summary>
    public static string CommonTarget(PolicySetting a, PolicySetting b)
    {
        if (ReferenceEquals(a.Source, b.Source))
        {
            return Reach.Describe(a.Source) is var reach && reach.StartsWith("assigned to ", StringComparison.Ordinal)
                ? reach["assigned to ".Length..]
                : "the same devices";
        }

        if (a.Source.GroupPolicy is { } gpoA && b.Source.GroupPolicy is { } gpoB)
        {
            foreach (var x in gpoA.Links.Where(l => l.Enabled))
            {
                foreach (var y in gpoB.Links.Where(l => l.Enabled))
                {
                    var (p, q) = (x.SomPath.TrimEnd('/').ToLowerInvariant(), y.SomPath.TrimEnd('/').ToLowerInvariant());
                    if (AssignmentOverlap.IsAtOrBelow(p, q) || AssignmentOverlap.IsAtOrBelow(q, p))
                    {
                        var deeper = AssignmentOverlap.IsAtOrBelow(p, q) ? x : y;
                        return $"the computers and users in {deeper.SomName ?? deeper.SomPath}";
                    }
                }
            }

            return "the same OU";
        }

        foreach (var x in a.Source.Assignments.Where(x => !x.IsExclusion))
        {
            foreach (var y in b.Source.Assignments.Where(y => !y.IsExclusion))
            {
                if (x.IsAllTarget && y.IsAllTarget)
                {
                    return x.Describe();
                }

                if (x.IsAllTarget || y.IsAllTarget || x.TargetKey == y.TargetKey)
                {
                    return (x.IsAllTarget ? y : x).Describe();
                }
            }
        }

        return "the same devices";
    }
}

using PolicyLint.Model;

namespace PolicyLint.Resolution;

/// <summary>
/// Resolves every node: which applied settings win, which are shadowed by an overlapping stronger one, and which
/// overlapping settings of equal precedence disagree. Runs in O(n log n) over n settings: one sort per node, then a
/// sweep that looks overlapping targets up in hash indexes instead of comparing every pair.
/// </summary>
/// <remarks>
/// Written with loops, arrays and small classes rather than LINQ over <see cref="Precedence"/>, <see cref="PolicyValue"/>
/// and tuples: ReadyToRun cannot precompile framework generics instantiated over our structs, so each such LINQ
/// method was JIT-compiled at every start (docs/performance.md, cold start).
/// </remarks>
public static class EffectivePolicyResolver
{
    public static EffectivePolicy Resolve(IReadOnlyList<PolicySource> sources)
    {
        var precedence = new Dictionary<PolicySetting, Precedence>();
        var byNode = new Dictionary<string, List<PolicySetting>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var setting in source.Settings)
            {
                if (!setting.TakesEffect)
                {
                    continue;
                }

                precedence[setting] = PrecedenceRules.Of(setting);
                if (!byNode.TryGetValue(setting.Node!.Id, out var list))
                {
                    byNode[setting.Node.Id] = list = [];
                }

                list.Add(setting);
            }
        }

        var nodes = new List<EffectiveNode>(byNode.Count);
        foreach (var nodeId in byNode.Keys.Order(StringComparer.Ordinal))
        {
            var ordered = StrongestFirst(byNode[nodeId], precedence);
            var shadowed = FindShadowed(ordered, precedence);

            // Within a tier too: when a User GPO wins, two Computer GPOs that disagree still disagree with each other.
            // Only tiers with ranks (GPO links) can shadow inside themselves; with one tier it is the same as above.
            var tiers = ByTier(ordered, precedence);
            List<Shadowing> withinTier;
            if (tiers.Count == 1)
            {
                withinTier = shadowed;
            }
            else
            {
                withinTier = [];
                foreach (var tier in tiers)
                {
                    if (HasSeveralRanks(tier, precedence))
                    {
                        withinTier.AddRange(FindShadowed(tier, precedence));
                    }
                }
            }

            nodes.Add(new EffectiveNode(ordered[0].Node!, ordered, shadowed, FindConflicts(ordered, precedence), withinTier));
        }

        return new EffectivePolicy(sources, nodes, precedence);
    }

    /// <summary>Strongest first; ties keep input order so results are stable run to run.</summary>
    private static List<PolicySetting> StrongestFirst(List<PolicySetting> settings, Dictionary<PolicySetting, Precedence> precedence)
    {
        var ranked = new Ranked[settings.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new Ranked(settings[i], precedence[settings[i]], i);
        }

        Array.Sort(ranked, Ranked.StrongestFirst);
        var ordered = new List<PolicySetting>(ranked.Length);
        foreach (var entry in ranked)
        {
            ordered.Add(entry.Setting);
        }

        return ordered;
    }

    /// <summary>The settings of each tier, tiers in the order they first appear.</summary>
    private static List<List<PolicySetting>> ByTier(List<PolicySetting> ordered, Dictionary<PolicySetting, Precedence> precedence)
    {
        var members = new List<List<PolicySetting>>();
        foreach (var setting in ordered)
        {
            var tier = precedence[setting].Tier;
            var group = members.Find(m => precedence[m[0]].Tier == tier);
            if (group is null)
            {
                members.Add(group = []);
            }

            group.Add(setting);
        }

        return members;
    }

    private static bool HasSeveralRanks(List<PolicySetting> tier, Dictionary<PolicySetting, Precedence> precedence)
    {
        var first = precedence[tier[0]].Rank;
        foreach (var setting in tier)
        {
            if (precedence[setting].Rank != first)
            {
                return true;
            }
        }

        return false;
    }

    private static List<Shadowing> FindShadowed(List<PolicySetting> ordered, Dictionary<PolicySetting, Precedence> precedence)
    {
        var result = new List<Shadowing>();
        var stronger = new OverlapIndex();
        var i = 0;
        while (i < ordered.Count)
        {
            // Settings of equal precedence do not shadow each other (that is a conflict); index them after the batch.
            var j = i;
            while (j < ordered.Count && precedence[ordered[j]].CompareTo(precedence[ordered[i]]) == 0)
            {
                var setting = ordered[j];
                if (stronger.FindOverlapping(setting) is { } hit)
                {
                    var (winner, overlap) = hit;
                    result.Add(new Shadowing(setting, winner, overlap, PrecedenceRules.Explain(winner, setting, precedence[winner], precedence[setting])));
                }

                j++;
            }

            for (var k = i; k < j; k++)
            {
                stronger.Add(ordered[k]);
            }

            i = j;
        }

        return result;
    }

    private static List<ValueConflict> FindConflicts(List<PolicySetting> ordered, Dictionary<PolicySetting, Precedence> precedence)
    {
        var result = new List<ValueConflict>();

        // The settings are ordered by precedence, so each group of equal precedence is a run.
        for (var start = 0; start < ordered.Count;)
        {
            var end = start + 1;
            while (end < ordered.Count && precedence[ordered[end]].CompareTo(precedence[ordered[start]]) == 0)
            {
                end++;
            }

            if (HasSeveralValues(ordered, start, end))
            {
                FindConflictsInRun(ordered, start, end, result);
            }

            start = end;
        }

        return result;
    }

    private static bool HasSeveralValues(List<PolicySetting> ordered, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (!ordered[i].Value.Equals(ordered[start].Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One index per value seen so far; a setting conflicts with an overlapping earlier one of another value.</summary>
    private static void FindConflictsInRun(List<PolicySetting> ordered, int start, int end, List<ValueConflict> result)
    {
        var byValue = new List<ValueIndex>();
        for (var i = start; i < end; i++)
        {
            var setting = ordered[i];
            ValueIndex? own = null;
            foreach (var entry in byValue)
            {
                if (entry.Value.Equals(setting.Value))
                {
                    own = entry;
                    continue;
                }

                if (entry.Index.FindOverlapping(setting) is { } hit)
                {
                    result.Add(new ValueConflict(hit.Setting, setting, hit.Overlap));
                    break;
                }
            }

            own ??= byValue.Find(entry => entry.Value.Equals(setting.Value));
            if (own is null)
            {
                own = new ValueIndex(setting.Value, new OverlapIndex());
                byValue.Add(own);
            }

            own.Index.Add(setting);
        }
    }

    private sealed record Ranked(PolicySetting Setting, Precedence Precedence, int Index)
    {
        public static int StrongestFirst(Ranked? a, Ranked? b)
        {
            if (a is null || b is null)
            {
                return ReferenceEquals(a, b) ? 0 : a is null ? 1 : -1;
            }

            var order = b.Precedence.CompareTo(a.Precedence);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        }
    }

    private sealed record ValueIndex(PolicyValue Value, OverlapIndex Index);
}

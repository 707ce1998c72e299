using PolicyLint.Catalog;
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
        var mdmWinsOverGp = new OverlapIndex();
        var anyMdmWinsOverGp = false;
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
                if (ReferenceEquals(setting.Node, PassportForWorkCatalog.MdmWinsOverGp) && setting.Value is { Kind: PolicyValueKind.Integer, IntegerValue: 1 } && !source.IsGroupPolicy)
                {
                    mdmWinsOverGp.Add(setting);
                    anyMdmWinsOverGp = true;
                }
            }
        }

        if (anyMdmWinsOverGp)
        {
            RaisePolicyCspUnderMdmWinsOverGp(byNode, precedence, mdmWinsOverGp);
        }

        var nodeIds = new List<string>(byNode.Keys);
        nodeIds.Sort(StringComparer.Ordinal);
        var ordered = new Dictionary<string, List<PolicySetting>>(StringComparer.Ordinal);
        var shadowedByNode = new Dictionary<string, List<Shadowing>>(StringComparer.Ordinal);
        var nodes = new List<EffectiveNode>(byNode.Count);
        foreach (var nodeId in nodeIds)
        {
            ordered[nodeId] = StrongestFirst(byNode[nodeId], precedence);
            shadowedByNode[nodeId] = FindShadowed(ordered[nodeId], precedence);
        }

        // Grouped precedence (reference H13): a stronger source that sets the group takes every node of it.
        FindGroupShadowed(PrecedenceGroup.Enablement, ordered, precedence, shadowedByNode);
        FindGroupShadowed(PrecedenceGroup.PinComplexity, ordered, precedence, shadowedByNode);

        foreach (var nodeId in nodeIds)
        {
            var settings = ordered[nodeId];
            var shadowed = shadowedByNode[nodeId];

            // Within a tier too: when a User GPO wins, two Computer GPOs that disagree still disagree with each other.
            // Only tiers with ranks (GPO links) can shadow inside themselves; with one tier it is the same as above.
            var tiers = ByTier(settings, precedence);
            List<Shadowing> withinTier;
            if (tiers.Count == 1)
            {
                withinTier = shadowed.FindAll(s => !s.IsByGroup);
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

            nodes.Add(new EffectiveNode(settings[0].Node!, settings, shadowed, FindConflicts(settings, precedence), withinTier));
        }

        return new EffectivePolicy(sources, nodes, precedence);
    }

    /// <summary>
    /// MDMWinsOverGP = 1 makes Intune win over Group Policy for Policy CSP settings (never for PassportForWork:
    /// reference H3, H14). It is a device setting in an assigned profile, so it counts only where it certainly reaches
    /// the devices of the Intune setting; possible reach is left to PL2002 to explain.
    /// </summary>
    private static void RaisePolicyCspUnderMdmWinsOverGp(
        Dictionary<string, List<PolicySetting>> byNode, Dictionary<PolicySetting, Precedence> precedence, OverlapIndex mdmWinsOverGp)
    {
        foreach (var settings in byNode.Values)
        {
            foreach (var setting in settings)
            {
                if (setting.Node is { IsPassportForWork: false } node
                    && !ReferenceEquals(node, PassportForWorkCatalog.MdmWinsOverGp)
                    && setting.Source.Kind.IsIntune()
                    && setting.Scope == PolicyScope.Device
                    && mdmWinsOverGp.FindOverlapping(setting) is { Overlap: OverlapKind.Certain })
                {
                    precedence[setting] = new Precedence(PrecedenceTier.MdmWinsOverGp, 0);
                }
            }
        }
    }

    /// <summary>
    /// Settings of a group's nodes that a stronger tier (a stronger source in the order User GP &gt; Computer GP &gt;
    /// User MDM &gt; Device MDM) overrides by setting another node of the group for overlapping targets. One sweep
    /// from the strongest tier down with an index of the deciding settings seen so far: O(n log n).
    /// </summary>
    private static void FindGroupShadowed(
        PrecedenceGroup group,
        Dictionary<string, List<PolicySetting>> ordered,
        Dictionary<PolicySetting, Precedence> precedence,
        Dictionary<string, List<Shadowing>> shadowedByNode)
    {
        var members = new List<PolicySetting>();
        foreach (var settings in ordered.Values)
        {
            if (PrecedenceRules.GroupOf(settings[0].Node) == group)
            {
                members.AddRange(settings);
            }
        }

        if (members.Count < 2)
        {
            return;
        }

        var alreadyShadowed = new HashSet<PolicySetting>();
        foreach (var setting in members)
        {
            foreach (var shadowing in shadowedByNode[setting.Node!.Id])
            {
                alreadyShadowed.Add(shadowing.Shadowed);
            }
        }

        var byTier = new List<PolicySetting>[(int)PrecedenceTier.MdmWinsOverGp + 1];
        foreach (var setting in members)
        {
            (byTier[(int)precedence[setting].Tier] ??= []).Add(setting);
        }

        var stronger = new OverlapIndex();
        for (var tier = byTier.Length - 1; tier >= 0; tier--)
        {
            if (byTier[tier] is not { } batch)
            {
                continue;
            }

            foreach (var setting in batch)
            {
                if (!alreadyShadowed.Contains(setting) && stronger.FindOverlapping(setting) is var (winner, overlap))
                {
                    var reason = PrecedenceRules.ExplainGroup(group, winner, precedence[winner], precedence[setting]);
                    shadowedByNode[setting.Node!.Id].Add(new Shadowing(setting, winner, overlap, reason, group));
                }
            }

            foreach (var setting in batch)
            {
                if (PrecedenceRules.DecidesGroup(setting.Node!))
                {
                    stronger.Add(setting);
                }
            }
        }
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

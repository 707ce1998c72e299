using PolicyLint.Model;

namespace PolicyLint.Resolution;

/// <summary>
/// Resolves every node: which applied settings win, which are shadowed by an overlapping stronger one, and which
/// overlapping settings of equal precedence disagree. Runs in O(n log n) over n settings: one sort per node, then a
/// sweep that looks overlapping targets up in hash indexes instead of comparing every pair.
/// </summary>
public static class EffectivePolicyResolver
{
    public static EffectivePolicy Resolve(IReadOnlyList<PolicySource> sources)
    {
        var precedence = new Dictionary<PolicySetting, Precedence>();
        var byNode = new Dictionary<string, List<PolicySetting>>(StringComparer.Ordinal);
        foreach (var setting in sources.SelectMany(s => s.Settings))
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

        var nodes = new List<EffectiveNode>(byNode.Count);
        foreach (var (_, settings) in byNode.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // Strongest first; ties keep input order so results are stable run to run.
            var ordered = settings.Select((s, i) => (Setting: s, Index: i))
                .OrderByDescending(x => precedence[x.Setting])
                .ThenBy(x => x.Index)
                .Select(x => x.Setting)
                .ToList();
            var shadowed = FindShadowed(ordered, precedence);

            // Within a tier too: when a User GPO wins, two Computer GPOs that disagree still disagree with each other.
            // Only tiers with ranks (GPO links) can shadow inside themselves; with one tier it is the same as above.
            var tiers = ordered.GroupBy(s => precedence[s].Tier).ToList();
            var withinTier = tiers.Count == 1
                ? shadowed
                : tiers.Where(t => t.Select(s => precedence[s].Rank).Distinct().Skip(1).Any()).SelectMany(t => FindShadowed(t.ToList(), precedence)).ToList();
            nodes.Add(new EffectiveNode(ordered[0].Node!, ordered, shadowed, FindConflicts(ordered, precedence), withinTier));
        }

        return new EffectivePolicy(sources, nodes, precedence);
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
        foreach (var tier in ordered.GroupBy(s => precedence[s]))
        {
            var members = tier.ToList();
            if (members.Select(s => s.Value).Distinct().Count() < 2)
            {
                continue;
            }

            // One index per value seen so far; a setting conflicts with an overlapping earlier one of another value.
            var byValue = new Dictionary<PolicyValue, OverlapIndex>();
            foreach (var setting in members)
            {
                foreach (var (value, index) in byValue)
                {
                    if (value.Equals(setting.Value))
                    {
                        continue;
                    }

                    if (index.FindOverlapping(setting) is { } hit)
                    {
                        result.Add(new ValueConflict(hit.Setting, setting, hit.Overlap));
                        break;
                    }
                }

                if (!byValue.TryGetValue(setting.Value, out var own))
                {
                    byValue[setting.Value] = own = new OverlapIndex();
                }

                own.Add(setting);
            }
        }

        return result;
    }
}

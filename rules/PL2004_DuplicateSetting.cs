using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// The same node set to the same value by several sources of one mechanism (Settings Catalog and Settings Catalog,
/// custom OMA-URI and custom OMA-URI, GPO and GPO in the same configuration section, ...) for overlapping targets.
/// One finding per group of duplicates, naming every source; the same node through different mechanisms is PL1003.
/// </summary>
/// <remarks>
/// Settings are grouped by node, scope, mechanism and value; inside a group, sources joined by overlapping targets
/// form one finding. Overlap is looked up in an <see cref="OverlapIndex"/> (hashed targets), once forward and once
/// backward, so every setting that overlaps another one lands in a group without comparing every pair.
/// </remarks>
public sealed class PL2004_DuplicateSetting : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.DuplicateSetting,
        "Several policies of one kind set a WHfB setting to the same value",
        "{0} is {1} in {2} ({3}): {4}; the copies agree today, but the next change made in only one of them {5}; keep the setting in one {6} and remove it from the others, or narrow their assignments so they no longer overlap.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Info,
        "When several policies of the same kind set a Windows Hello for Business setting to the same value for the same devices, the copies agree today, but the next change made in only one of them turns them into a conflict. Keeping each setting in one place avoids that.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var groups = new Dictionary<string, List<PolicySetting>>(StringComparer.Ordinal);
        foreach (var source in context.Policy.Sources)
        {
            // There is one tenant-wide enrollment policy, and it acts at enrollment only.
            if (source.Kind == SourceKind.TenantWideEnrollment)
            {
                continue;
            }

            foreach (var setting in source.Settings)
            {
                if (!SameNode.Counts(setting))
                {
                    continue;
                }

                var key = $"{SameNode.KeyOf(setting)}|{source.Kind}|{setting.Value.Kind}:{setting.Value}";
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(setting);
            }
        }

        foreach (var settings in groups.Values)
        {
            if (settings.Count > 1)
            {
                FindDuplicates(context, settings);
            }
        }
    }

    /// <summary>
    /// Groups of settings joined by overlapping targets (union-find over the hits of two sweeps), then settings of
    /// unassigned sources: they meet every other copy once assigned, so they form one pending group with the copies
    /// that have no certain or possible partner.
    /// </summary>
    private static void FindDuplicates(EffectivePolicyAnalysisContext context, List<PolicySetting> settings)
    {
        var assigned = new List<PolicySetting>(settings.Count);
        var unassigned = new List<PolicySetting>();
        foreach (var setting in settings)
        {
            (SameNode.IsUnassigned(setting) ? unassigned : assigned).Add(setting);
        }

        var groups = new Groups(assigned.Count);
        Sweep(assigned, groups, backward: false);
        Sweep(assigned, groups, backward: true);

        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < assigned.Count; i++)
        {
            var root = groups.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
            }

            list.Add(i);
        }

        var alone = new List<PolicySetting>();
        foreach (var (root, indexes) in members)
        {
            if (indexes.Count == 1)
            {
                alone.Add(assigned[indexes[0]]);
                continue;
            }

            Report(context, [.. indexes.Select(i => assigned[i])], groups.Overlap(root));
        }

        if (unassigned.Count > 0)
        {
            // Copies not assigned yet meet every other copy once assigned: one pending group with them and the
            // assigned copies that have no partner today (or, when every assigned copy has one, the first of them).
            var pending = unassigned.Concat(alone).ToList();
            if (pending.Count == 1 && assigned.Count > 0)
            {
                pending.Add(assigned[0]);
            }

            if (pending.Count > 1)
            {
                var order = new Dictionary<PolicySetting, int>(ReferenceEqualityComparer.Instance);
                for (var i = 0; i < settings.Count; i++)
                {
                    order[settings[i]] = i;
                }

                Report(context, [.. pending.OrderBy(s => order[s])], OverlapKind.Pending);
            }
        }
    }

    /// <summary>Joins each setting to the first one indexed before it (in the sweep's order) that overlaps it.</summary>
    private static void Sweep(List<PolicySetting> assigned, Groups groups, bool backward)
    {
        var index = new OverlapIndex();
        var position = new Dictionary<PolicySetting, int>(ReferenceEqualityComparer.Instance);
        for (var step = 0; step < assigned.Count; step++)
        {
            var i = backward ? assigned.Count - 1 - step : step;
            var setting = assigned[i];
            if (index.FindOverlapping(setting) is { } hit)
            {
                groups.Union(i, position[hit.Setting], hit.Overlap);
            }

            index.Add(setting);
            position[setting] = i;
        }
    }

    private static void Report(EffectivePolicyAnalysisContext context, List<PolicySetting> copies, OverlapKind overlap)
    {
        // The finding sits on the first copy after the original (input order) and points at every other copy.
        var at = copies[1];
        var sources = copies.Select(c => c.Source).Distinct().ToList();
        var kind = at.Source.Kind;
        var overlapText = overlap switch
        {
            OverlapKind.Certain => OverlapLevels.Describe(overlap),
            OverlapKind.Pending => $"{SameNode.NotAssigned([.. sources])} yet: this takes effect once they are assigned to the same devices",
            _ => OverlapLevels.Describe(overlap),
        };

        context.ReportBelow(
            OverlapLevels.LevelsBelow(overlap),
            Rule,
            at.Location,
            at.Source,
            FindingSubject.Of(at.Node!, at.Scope, [.. sources]),
            copies.Where(c => !ReferenceEquals(c, at)).Select(c => c.Location),
            Setting(at),
            at.Value,
            Holders(copies, sources, kind),
            overlapText,
            Listed(copies),
            Consequence(kind),
            Mechanism(kind));
    }

    /// <summary>How the node is named: the GPO policy and section for Group Policy, the node and scope otherwise.</summary>
    private static string Setting(PolicySetting setting) =>
        setting.Source.IsGroupPolicy
            ? $"'{setting.Node!.Names.GpoPolicyName ?? setting.Node.Name}' ({(setting.Scope == PolicyScope.User ? "User" : "Computer")} Configuration)"
            : setting.DisplayPath;

    /// <summary>"3 Settings Catalog profiles", "2 rows of custom OMA-URI profile 'X'", "2 custom OMA-URI profiles (3 rows)".</summary>
    private static string Holders(List<PolicySetting> copies, List<PolicySource> sources, SourceKind kind)
    {
        if (sources.Count == 1)
        {
            return $"{copies.Count} rows of {sources[0].Describe()}";
        }

        var plural = $"{sources.Count} {Plural(kind)}";
        return copies.Count == sources.Count ? plural : $"{plural} ({copies.Count} rows)";
    }

    /// <summary>
    /// Every copy, or the first <see cref="Listing.MaxListed"/> and how many more: a tenant can hold thousands of copies of one
    /// value, and the related locations name them all.
    /// </summary>
    private static string Listed(List<PolicySetting> copies) => Listing.Join(", ", copies, Copy);

    /// <summary>"'WHfB baseline' (intune/a.json(31,13); assigned to group WHfB Pilot)".</summary>
    private static string Copy(PolicySetting copy)
    {
        var reach = copy.Source.IsGroupPolicy
            ? copy.Source.GroupPolicy is { LinksKnown: true } gpo
                ? "linked to " + Listing.Join(", ", gpo.Links.Where(l => l.Enabled), l => l.SomName ?? l.SomPath, rest: " OUs")
                : "links not in the export"
            : Reach.Describe(copy.Source);
        return $"'{copy.Source.DisplayName}' ({copy.Location}; {reach})";
    }

    private static string Consequence(SourceKind kind) => kind switch
    {
        SourceKind.CustomOmaUri => "becomes a conflict that Intune does not evaluate (it only delivers custom OMA-URI payloads), so devices may then get either value (PL2005)",
        SourceKind.GroupPolicy => "makes the result depend on link order and OU depth (PL2006)",
        _ => "becomes a conflict that Intune reports and leaves to you to resolve (PL2001)",
    };

    private static string Mechanism(SourceKind kind) => kind switch
    {
        SourceKind.GroupPolicy => "GPO",
        _ => kind.DisplayName(),
    };

    private static string Plural(SourceKind kind) => kind switch
    {
        SourceKind.AccountProtection or SourceKind.AccountProtectionIntent or SourceKind.AccountProtectionPreview => kind.DisplayName().Replace("policy", "policies", StringComparison.Ordinal),
        SourceKind.GroupPolicy => "GPOs",
        _ => kind.DisplayName() + "s",
    };

    /// <summary>Union-find over the assigned copies, keeping per group the weakest overlap that joined it.</summary>
    private sealed class Groups
    {
        private readonly int[] _parent;
        private readonly OverlapKind[] _overlap;

        public Groups(int count)
        {
            _parent = new int[count];
            _overlap = new OverlapKind[count];
            for (var i = 0; i < count; i++)
            {
                _parent[i] = i;
                _overlap[i] = OverlapKind.Certain;
            }
        }

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Union(int a, int b, OverlapKind overlap)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra == rb)
            {
                // Already joined by the edges found so far: another edge does not weaken what they claim.
                return;
            }

            // The smaller root stays the root, so a group is named in input order.
            var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
            _parent[child] = root;
            _overlap[root] = OverlapLevels.Weakest(OverlapLevels.Weakest(_overlap[ra], _overlap[rb]), overlap);
        }

        public OverlapKind Overlap(int root) => _overlap[root];
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// Two custom OMA-URI rows write the same node (after normalization: case, <c>./Vendor</c> for <c>./Device/Vendor</c>,
/// braces around the tenant GUID) with different values, for overlapping targets. Intune only delivers custom
/// payloads, so it is not documented to show the pair as a conflict. PL2001 leaves these pairs to this rule.
/// </summary>
public sealed class PL2005_ConflictingOmaUri : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.ConflictingOmaUri,
        "Custom OMA-URI profiles set a WHfB setting to different values",
        "{0} is {1} in custom OMA-URI profile '{2}' ({3}) but {4} in custom OMA-URI profile '{5}'{6}; {7}: Intune does not evaluate the payload of custom OMA-URI profiles, so the admin center is not documented to show this as a conflict, and devices that get both may end up with either value; keep the setting in one profile, give both rows the same value, or target the profiles to groups that do not overlap.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Error,
        "Intune delivers a custom OMA-URI row without evaluating it. When two custom profiles write the same PassportForWork node with different values for the same devices, the admin center may show both as succeeded while each device keeps whichever value it got last, so PIN rules, the trust model or WHfB itself vary from device to device.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        // Rows per node as the device sees it, in input order.
        var byNode = new Dictionary<string, List<PolicySetting>>(StringComparer.Ordinal);
        foreach (var source in context.Policy.Sources)
        {
            if (source.Kind != SourceKind.CustomOmaUri)
            {
                continue;
            }

            foreach (var setting in source.Settings)
            {
                if (!SameNode.Counts(setting))
                {
                    continue;
                }

                var key = SameNode.KeyOf(setting);
                if (!byNode.TryGetValue(key, out var list))
                {
                    byNode[key] = list = [];
                }

                list.Add(setting);
            }
        }

        foreach (var rows in byNode.Values)
        {
            if (rows.Count > 1)
            {
                FindConflicts(context, rows);
            }
        }
    }

    /// <summary>
    /// One overlap index per value seen so far: each row is checked against the rows of every other value (a handful
    /// of values, hashed targets), never against every earlier row. A row that disagrees with an earlier one is
    /// reported once, against the earlier row it overlaps most surely.
    /// </summary>
    private static void FindConflicts(EffectivePolicyAnalysisContext context, List<PolicySetting> rows)
    {
        var byValue = new List<ValueRows>();
        foreach (var row in rows)
        {
            PolicySetting? other = null;
            var overlap = OverlapKind.None;
            ValueRows? own = null;
            foreach (var entry in byValue)
            {
                if (entry.Value.Equals(row.Value))
                {
                    own = entry;
                    continue;
                }

                var (candidate, kind) = entry.Find(row);
                if (candidate is not null && SameNode.IsStronger(kind, overlap))
                {
                    (other, overlap) = (candidate, kind);
                }
            }

            if (other is not null)
            {
                Report(context, other, row, overlap);
            }

            if (own is null)
            {
                byValue.Add(own = new ValueRows(row.Value));
            }

            own.Add(row);
        }
    }

    private static void Report(EffectivePolicyAnalysisContext context, PolicySetting first, PolicySetting second, OverlapKind overlap)
    {
        var spelling = string.Equals(first.WrittenName, second.WrittenName, StringComparison.Ordinal)
            ? string.Empty
            : $" (OMA-URIs '{first.WrittenName}' and '{second.WrittenName}' name the same node)";
        context.ReportBelow(
            OverlapLevels.LevelsBelow(overlap),
            Rule,
            second.Location,
            second.Source,
            FindingSubject.Of(second.Node!, second.Scope, first.Source, second.Source),
            [first.Location],
            second.DisplayPath,
            first.Value,
            first.Source.DisplayName,
            first.Location,
            second.Value,
            second.Source.DisplayName,
            spelling,
            SameNode.Whom(first, second, overlap));
    }

    /// <summary>The rows of one value: assigned ones in an overlap index, the first unassigned one kept aside.</summary>
    private sealed class ValueRows(PolicyValue value)
    {
        private readonly OverlapIndex _assigned = new();
        private PolicySetting? _first;
        private PolicySetting? _firstUnassigned;

        public PolicyValue Value { get; } = value;

        public void Add(PolicySetting row)
        {
            _first ??= row;
            if (SameNode.IsUnassigned(row))
            {
                _firstUnassigned ??= row;
            }
            else
            {
                _assigned.Add(row);
            }
        }

        /// <summary>
        /// An earlier row of this value that can reach a device <paramref name="row"/> reaches. A side not assigned yet
        /// meets everything once assigned (pending), so it is never put in the index (which pairs assignments).
        /// </summary>
        public (PolicySetting? Row, OverlapKind Overlap) Find(PolicySetting row)
        {
            if (SameNode.IsUnassigned(row))
            {
                return (_first, OverlapKind.Pending);
            }

            if (_assigned.FindOverlapping(row) is { } hit)
            {
                return (hit.Setting, hit.Overlap);
            }

            return _firstUnassigned is null ? (null, OverlapKind.None) : (_firstUnassigned, OverlapKind.Pending);
        }
    }
}

using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// Settings indexed so that a rule can ask for the overlapping one it can be surest about, in about constant time per
/// question: certain overlap before possible overlap before a pair that is only pending assignment. Built on the SDK's
/// <see cref="OverlapIndex"/>, which returns the first overlapping setting it meets (a GPO or a source without exported
/// assignments can come before a certain match); here sources are kept in separate indexes by how their overlap can
/// turn out, each index is asked, and the surest answer wins. Unassigned sources (<c>"assignments": []</c>) are kept
/// aside: every pair with one of them is <see cref="OverlapKind.Pending"/> (issue 8, section 2).
/// </summary>
internal sealed class StrongestOverlap
{
    // Intune sources with exported assignments (certain or no overlap between two of them), GPOs (SOM paths between
    // two GPOs, assumed next to Intune), sources whose assignments are not in the export (always assumed).
    private readonly OverlapIndex _assigned = new();
    private readonly OverlapIndex _groupPolicy = new();
    private readonly OverlapIndex _unknown = new();
    private PolicySetting? _first;
    private PolicySetting? _firstPending;

    public bool IsEmpty => _first is null;

    /// <summary>
    /// Overlap of two settings, with an unassigned side pending (<see cref="AssignmentOverlap"/> may not say so yet) and
    /// everything else as <see cref="AssignmentOverlap.Between(PolicySetting, PolicySetting)"/> says.
    /// </summary>
    public static OverlapKind Between(PolicySetting first, PolicySetting second)
    {
        if (!ReferenceEquals(first.Source, second.Source)
            && (first.Source.AssignmentState == AssignmentState.Unassigned || second.Source.AssignmentState == AssignmentState.Unassigned))
        {
            return OverlapKind.Pending;
        }

        return AssignmentOverlap.Between(first, second);
    }

    /// <summary>The surer of two overlaps: Certain, then Assumed, then Pending, then None.</summary>
    public static OverlapKind Surest(OverlapKind a, OverlapKind b) => Rank(a) >= Rank(b) ? a : b;

    public void Add(PolicySetting setting)
    {
        _first ??= setting;
        var source = setting.Source;
        switch (source.AssignmentState)
        {
            case AssignmentState.Unassigned:
                _firstPending ??= setting;
                break;
            case AssignmentState.Unknown when !source.IsGroupPolicy:
                _unknown.Add(setting);
                break;
            default:
                (source.IsGroupPolicy ? _groupPolicy : _assigned).Add(setting);
                break;
        }
    }

    /// <summary>An indexed setting that can reach what <paramref name="setting"/> reaches, the surest overlap first; null when none can.</summary>
    public (PolicySetting Setting, OverlapKind Overlap)? Find(PolicySetting setting)
    {
        if (_first is null)
        {
            return null;
        }

        if (setting.Source.AssignmentState == AssignmentState.Unassigned)
        {
            // Not assigned yet: it meets whatever it is later assigned next to. Its own source counts as certain.
            return ReferenceEquals(_first.Source, setting.Source) ? (_first, OverlapKind.Certain) : (_first, OverlapKind.Pending);
        }

        var best = Surer(null, _assigned.FindOverlapping(setting));
        if (best?.Overlap != OverlapKind.Certain)
        {
            best = Surer(best, _groupPolicy.FindOverlapping(setting));
        }

        if (best?.Overlap != OverlapKind.Certain)
        {
            best = Surer(best, _unknown.FindOverlapping(setting));
        }

        return best ?? (_firstPending is null ? null : (_firstPending, OverlapKind.Pending));
    }

    private static (PolicySetting Setting, OverlapKind Overlap)? Surer((PolicySetting Setting, OverlapKind Overlap)? a, (PolicySetting Setting, OverlapKind Overlap)? b) =>
        a is null ? b : b is null ? a : Rank(b.Value.Overlap) > Rank(a.Value.Overlap) ? b : a;

    private static int Rank(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => 3,
        OverlapKind.Assumed => 2,
        OverlapKind.Pending => 1,
        _ => 0,
    };
}

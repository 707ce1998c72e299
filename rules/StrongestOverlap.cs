using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// The SDK's <see cref="OverlapIndex"/> under the names the trust and scope rules use: it already answers with the
/// surest overlap (certain, then possible, then pending assignment), and <see cref="AssignmentOverlap"/> already makes
/// every pair with an unassigned side pending (issue 8, section 2).
/// </summary>
internal sealed class StrongestOverlap
{
    private readonly OverlapIndex _index = new();

    public bool IsEmpty { get; private set; } = true;

    /// <summary>Overlap of two settings, as <see cref="AssignmentOverlap.Between(PolicySetting, PolicySetting)"/> says.</summary>
    public static OverlapKind Between(PolicySetting first, PolicySetting second) => AssignmentOverlap.Between(first, second);

    /// <summary>The surer of two overlaps: Certain, then Assumed, then Pending, then None.</summary>
    public static OverlapKind Surest(OverlapKind a, OverlapKind b) => Rank(a) >= Rank(b) ? a : b;

    public void Add(PolicySetting setting)
    {
        _index.Add(setting);
        IsEmpty = false;
    }

    /// <summary>An indexed setting that can reach what <paramref name="setting"/> reaches, the surest overlap first; null when none can.</summary>
    public (PolicySetting Setting, OverlapKind Overlap)? Find(PolicySetting setting) => _index.FindOverlapping(setting);

    private static int Rank(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => 3,
        OverlapKind.Assumed => 2,
        OverlapKind.Pending => 1,
        _ => 0,
    };
}

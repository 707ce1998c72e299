using PolicyLint.Model;

namespace PolicyLint.Analysis;

/// <summary>
/// How a cross-source finding's level and wording follow from how sure the overlap is (issue 8, section 2): certain
/// overlap at the rule's level, possible overlap one level below, a pair with an unassigned side as a note. The
/// offsets are relative, so they survive a level configured for the rule (see <see cref="DiagnosticProperties.LevelOffset"/>).
/// </summary>
public static class OverlapLevels
{
    /// <summary>Levels below the rule's effective level: 0 certain, 1 possible, 2 (always a note) pending assignment.</summary>
    public static int LevelsBelow(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Assumed => 1,
        OverlapKind.Pending => 2,
        _ => 0,
    };

    /// <summary>The weakest of several overlaps (Pending, then Assumed, then Certain): what a finding about all of them can claim.</summary>
    public static OverlapKind Weakest(OverlapKind a, OverlapKind b) => Rank(a) <= Rank(b) ? a : b;

    /// <summary>Words for a message, e.g. "certain overlap" or "not assigned yet: ...".</summary>
    public static string Describe(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => "certain overlap",
        OverlapKind.Assumed => "possible overlap: the export cannot rule out that the same devices get both",
        OverlapKind.Pending => "not assigned yet: this takes effect once both are assigned to the same devices",
        _ => "no overlap",
    };

    private static int Rank(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Pending => 0,
        OverlapKind.Assumed => 1,
        OverlapKind.Certain => 2,
        _ => 3,
    };
}

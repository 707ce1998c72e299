namespace PolicyLint.Model;

public enum OverlapKind
{
    /// <summary>No device or user is reached by both.</summary>
    None,

    /// <summary>Both reach the same target for sure (same group, or an All devices / All users target).</summary>
    Certain,

    /// <summary>Overlap cannot be ruled out from the export (assignments not exported, or GPO links next to Intune groups).</summary>
    Assumed,
}

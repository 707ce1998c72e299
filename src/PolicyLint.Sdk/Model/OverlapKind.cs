namespace PolicyLint.Model;

public enum OverlapKind
{
    /// <summary>No device or user is reached by both.</summary>
    None,

    /// <summary>Both reach the same target for sure (same group, or an All devices / All users target).</summary>
    Certain,

    /// <summary>
    /// Overlap cannot be ruled out from the export (assignments not exported, group membership unknown, GPO links next
    /// to Intune groups, user groups next to device groups).
    /// </summary>
    Assumed,

    /// <summary>
    /// At least one side is not assigned yet (<c>"assignments": []</c>): nothing overlaps today, and the pair takes
    /// effect once both are assigned to the same devices (baseline repositories, staging exports).
    /// </summary>
    Pending,
}

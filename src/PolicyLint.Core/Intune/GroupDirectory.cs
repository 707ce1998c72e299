using PolicyLint.Input;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Entra group names that exports carry next to the policies: Graph group objects (IntuneManagement writes one file
/// per group, a Graph list call returns them in <c>value</c>) and IntuneManagement's <c>MigrationTable.json</c>
/// (<c>{"TenantId": ..., "Objects": [{"Id", "DisplayName", "Type"}]}</c>). The reconcile stage uses them to
/// name the assignment targets that only carry an id, and give an id to those that only carry a name (IntuneCD).
/// </summary>
public static class GroupDirectory
{
    private const string GroupODataType = "#microsoft.graph.group";
    private const string MigrationTableObjects = "Objects";
    private const string MigrationTableTenant = "TenantId";
    private static readonly string[] GroupOnlyProperties = ["securityEnabled", "groupTypes"];

    /// <summary>A group object has the group type or a group-only property; a migration table has its tenant property.</summary>
    public static IReadOnlyList<ContentMarker> Markers { get; } =
    [
        ContentMarker.WholeString(GroupODataType),
        .. GroupOnlyProperties.Select(ContentMarker.WholeString),
        ContentMarker.WholeString(MigrationTableTenant),
    ];

    /// <summary>Collects the group names of a group object or migration table; false when the object is neither.</summary>
    public static bool TryRead(JsonObject obj, ReadResultBuilder result)
    {
        if (IsGroup(obj))
        {
            if (obj.GetString("id") is { } id && obj.GetString("displayName") is { } name)
            {
                result.GroupNames[id] = name;
            }

            return true;
        }

        if (obj.GetArray(MigrationTableObjects) is { } objects && obj.Has(MigrationTableTenant))
        {
            foreach (var entry in objects.Items.OfType<JsonObject>())
            {
                var type = entry.GetString("Type") ?? entry.GetString("@odata.type") ?? string.Empty;
                if (type.Contains("group", StringComparison.OrdinalIgnoreCase)
                    && entry.GetString("Id") is { } id && entry.GetString("DisplayName") is { } name)
                {
                    result.GroupNames[id] = name;
                }
            }

            return true;
        }

        return false;
    }

    private static bool IsGroup(JsonObject obj) =>
        string.Equals(obj.ODataType, GroupODataType, StringComparison.OrdinalIgnoreCase)
        || (obj.ODataType is null && obj.Has("id") && obj.Has("displayName") && GroupOnlyProperties.Any(obj.Has));
}

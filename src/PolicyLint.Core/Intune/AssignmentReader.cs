using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Reads <c>assignments</c> as Graph, IntuneManagement and IntuneCD write them: each item has a <c>target</c> whose
/// <c>@odata.type</c> names the kind, a groupId (or IntuneCD's groupName), and an optional assignment filter.
/// No <c>assignments</c> property means unknown; an empty array means unassigned. A target of a kind not read here
/// (a Configuration Manager collection, a newer target type) is noted, and then overlap with the source is assumed.
/// </summary>
public static class AssignmentReader
{
    public static void Read(JsonObject policy, PolicySourceBuilder source, IntuneReadContext context)
    {
        if (policy["assignments"] is not JsonArray items)
        {
            source.AssignmentState = AssignmentState.Unknown;
            return;
        }

        source.AssignmentState = AssignmentState.Unassigned;
        var unread = false;
        foreach (var item in items.Items.OfType<JsonObject>())
        {
            var target = item.GetObject("target") ?? item;
            var kind = KindOf(target.ODataType);
            if (kind is null)
            {
                context.Note(target, $"assignment target of type '{target.ODataType ?? "(none)"}' is not read; overlap with {source.Describe()} is assumed");
                unread = true;
                continue;
            }

            var filterType = (target.GetString("deviceAndAppManagementAssignmentFilterType") ?? "none").ToLowerInvariant() switch
            {
                "include" => AssignmentFilterMode.Include,
                "exclude" => AssignmentFilterMode.Exclude,
                _ => AssignmentFilterMode.None,
            };
            source.AddAssignment(new Assignment(
                kind.Value,
                GroupId: target.GetString("groupId"),
                GroupName: target.GetString("groupName") ?? target.GetString("groupDisplayName") ?? item.GetString("groupName"),
                FilterId: target.GetString("deviceAndAppManagementAssignmentFilterId"),
                FilterMode: filterType,
                Location: target.Location));
        }

        if (unread)
        {
            source.AssignmentState = AssignmentState.Unknown;
        }
    }

    private static AssignmentTargetKind? KindOf(string? odataType) => odataType?.ToLowerInvariant() switch
    {
        "#microsoft.graph.groupassignmenttarget" => AssignmentTargetKind.Group,
        "#microsoft.graph.exclusiongroupassignmenttarget" => AssignmentTargetKind.ExcludedGroup,
        "#microsoft.graph.alldevicesassignmenttarget" => AssignmentTargetKind.AllDevices,
        "#microsoft.graph.alllicensedusersassignmenttarget" => AssignmentTargetKind.AllUsers,
        _ => null,
    };
}

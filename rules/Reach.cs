using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>Wording shared by the rules about profile types: whom a source reaches, what it configures.</summary>
internal static class Reach
{
    /// <summary>"assigned to All devices, group WHfB Pilot", a GPO's enabled links, or why the reach is unknown.</summary>
    public static string Describe(PolicySource source) => source.IsGroupPolicy ? DescribeLinks(source) : source.AssignmentState switch
    {
        AssignmentState.Unassigned => "not assigned",
        AssignmentState.Unknown => "assignments not in the export",
        _ => "assigned to " + Listing.Join(", ", source.Assignments, a => a.Describe(), rest: " targets"),
    };

    /// <summary>"linked to contoso.com/Workstations", "not linked", or "links not in the export" (a bare Registry.pol).</summary>
    private static string DescribeLinks(PolicySource source)
    {
        if (source.GroupPolicy is not { LinksKnown: true } info)
        {
            return "links not in the export";
        }

        var linked = info.Links.Where(l => l.Enabled).Select(l => l.SomPath).ToList();
        return linked.Count == 0 ? "not linked anywhere (or every link disabled)" : "linked to " + Listing.Join(", ", linked, rest: " OUs");
    }

    /// <summary>The Windows Hello for Business settings of a source that take effect (known node, usable value).</summary>
    public static IEnumerable<PolicySetting> WhfbSettings(PolicySource source) =>
        source.Settings.Where(s => s.Node is { IsPassportForWork: true } && s.TakesEffect);

    /// <summary>"4 Windows Hello for Business settings", or "settings" when the profile sets none.</summary>
    public static string SettingCount(PolicySource source)
    {
        var count = WhfbSettings(source).Count();
        return count switch
        {
            0 => "settings",
            1 => "1 Windows Hello for Business setting",
            _ => $"{count} Windows Hello for Business settings",
        };
    }
}

using PolicyLint.Model;

namespace PolicyLint.Resolution;

/// <summary>
/// Where a setting stands in the precedence order (reference section H): User GPO &gt; Computer GPO &gt; User CSP &gt;
/// Device CSP &gt; tenant-wide enrollment policy. Inside the GPO tiers, the GPO's link decides (see <see cref="GroupPolicyRank"/>).
/// </summary>
public static class PrecedenceRules
{
    public static Precedence Of(PolicySetting setting)
    {
        var source = setting.Source;
        if (source.IsGroupPolicy)
        {
            var tier = setting.Scope == PolicyScope.User ? PrecedenceTier.UserGpo : PrecedenceTier.ComputerGpo;
            return new Precedence(tier, GroupPolicyRank(source));
        }

        if (source.Kind == SourceKind.TenantWideEnrollment)
        {
            return new Precedence(PrecedenceTier.EnrollmentDefault, 0);
        }

        return new Precedence(setting.Scope == PolicyScope.User ? PrecedenceTier.UserCsp : PrecedenceTier.DeviceCsp, 0);
    }

    /// <summary>
    /// Rank of a GPO among GPOs (higher wins), from its strongest enabled link. Group Policy applies site, domain, then
    /// OUs from the top down, and the last one applied wins: a deeper SOM beats a shallower one, and inside one SOM link
    /// order 1 is applied last and wins. Enforced links win over every non-enforced link, and among enforced links the
    /// shallower SOM wins (it can no longer be overridden below).
    /// </summary>
    public static int GroupPolicyRank(PolicySource source)
    {
        var links = source.GroupPolicy?.Links.Where(l => l.Enabled).ToList();
        if (links is null || links.Count == 0)
        {
            return 0;
        }

        return links.Max(LinkRank);
    }

    public static int LinkRank(GroupPolicyLink link)
    {
        const int LinkOrderSpan = 1000;
        const int DepthSpan = 100;
        var orderScore = LinkOrderSpan - Math.Clamp(link.LinkOrder ?? LinkOrderSpan - 1, 1, LinkOrderSpan - 1);
        var depth = Math.Clamp(link.Depth, 0, DepthSpan - 1);
        return link.Enforced
            ? (2 * DepthSpan * LinkOrderSpan) + ((DepthSpan - 1 - depth) * LinkOrderSpan) + orderScore
            : (depth * LinkOrderSpan) + orderScore;
    }

    /// <summary>Why the winner beats the loser, in words an admin recognises.</summary>
    public static string Explain(PolicySetting winner, PolicySetting loser, Precedence winnerRank, Precedence loserRank)
    {
        if (winnerRank.Tier != loserRank.Tier)
        {
            return (winnerRank.Tier, loserRank.Tier) switch
            {
                (PrecedenceTier.UserGpo or PrecedenceTier.ComputerGpo, PrecedenceTier.UserCsp or PrecedenceTier.DeviceCsp or PrecedenceTier.EnrollmentDefault)
                    => "Group Policy always wins over Intune for Windows Hello for Business (MDMWinsOverGP does not apply to PassportForWork)",
                (PrecedenceTier.UserGpo, PrecedenceTier.ComputerGpo) => "User Configuration wins over Computer Configuration",
                (PrecedenceTier.UserCsp, PrecedenceTier.DeviceCsp) => "user-scope policy wins over device-scope policy",
                (_, PrecedenceTier.EnrollmentDefault) => "any targeted policy replaces the tenant-wide enrollment policy",
                _ => "it has higher precedence",
            };
        }

        if (winner.Source.IsGroupPolicy && loser.Source.IsGroupPolicy)
        {
            return ExplainLinks(winner.Source, loser.Source);
        }

        return "it has higher precedence";
    }

    /// <summary>The strongest enabled link of a GPO, or null when it has none (or its links are unknown).</summary>
    public static GroupPolicyLink? StrongestLink(PolicySource source) =>
        source.GroupPolicy?.Links.Where(l => l.Enabled).OrderByDescending(LinkRank).FirstOrDefault();

    /// <summary>Why one GPO beats another, from their strongest links, in the terms GPMC shows.</summary>
    public static string ExplainLinks(PolicySource winner, PolicySource loser)
    {
        var w = StrongestLink(winner);
        var l = StrongestLink(loser);
        if (w is null || l is null)
        {
            return "its GPO link has higher precedence (link order, SOM depth and enforcement)";
        }

        if (w.Enforced && !l.Enforced)
        {
            return $"its link to {w.SomPath} is enforced, and enforced links win over links that are not";
        }

        if (w.Enforced && l.Enforced && w.Depth != l.Depth)
        {
            return $"both links are enforced, and the enforced link higher up ({w.SomPath}) wins over {l.SomPath}";
        }

        if (w.Depth != l.Depth)
        {
            return $"it is linked to {w.SomPath}, below {l.SomPath}: Group Policy applies the deeper OU later, so it wins";
        }

        if (w.LinkOrder is { } wo && l.LinkOrder is { } lo && wo != lo)
        {
            return $"its link order is {wo} against {lo} at the same level, and the lower link order wins";
        }

        return "its GPO link has higher precedence (link order, SOM depth and enforcement)";
    }
}

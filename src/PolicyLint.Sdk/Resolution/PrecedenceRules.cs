using PolicyLint.Catalog;
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

    /// <summary>The group whose precedence is decided together (reference H13), or None.</summary>
    public static PrecedenceGroup GroupOf(CspNode? node)
    {
        if (node is null)
        {
            return PrecedenceGroup.None;
        }

        if (ReferenceEquals(node, PassportForWorkCatalog.UsePassportForWork) || ReferenceEquals(node, PassportForWorkCatalog.UseCertificateForOnPremAuth))
        {
            return PrecedenceGroup.Enablement;
        }

        return ReferenceEquals(node, PassportForWorkCatalog.RequireSecurityDevice)
            || ReferenceEquals(node, PassportForWorkCatalog.ExcludeTpm12)
            || node.Id.Contains("/PINComplexity/", StringComparison.Ordinal)
            ? PrecedenceGroup.PinComplexity
            : PrecedenceGroup.None;
    }

    /// <summary>
    /// Whether a stronger source setting this node takes the whole group. The enablement group follows the source that
    /// wins UsePassportForWork (the page names that node); in the PIN group any member does. What happens when the
    /// stronger source sets certificate trust without UsePassportForWork the page does not say: that node is then
    /// resolved on its own, which never claims an override the page does not state.
    /// </summary>
    public static bool DecidesGroup(CspNode node) =>
        GroupOf(node) switch
        {
            PrecedenceGroup.Enablement => ReferenceEquals(node, PassportForWorkCatalog.UsePassportForWork),
            PrecedenceGroup.PinComplexity => true,
            _ => false,
        };

    /// <summary>The source as the precedence order names it: "Computer Configuration (Group Policy)", "device-scope Intune".</summary>
    public static string TierName(PrecedenceTier tier) => tier switch
    {
        PrecedenceTier.UserGpo => "User Configuration (Group Policy)",
        PrecedenceTier.ComputerGpo => "Computer Configuration (Group Policy)",
        PrecedenceTier.UserCsp => "user-scope Intune (MDM)",
        PrecedenceTier.DeviceCsp => "device-scope Intune (MDM)",
        PrecedenceTier.MdmWinsOverGp => "Intune with MDMWinsOverGP",
        _ => "the tenant-wide enrollment policy",
    };

    /// <summary>Why a setting of a grouped node gives way to a stronger source that sets another node of the group.</summary>
    public static string ExplainGroup(PrecedenceGroup group, PolicySetting winner, Precedence winnerRank, Precedence loserRank) => group switch
    {
        PrecedenceGroup.Enablement =>
            $"feature enablement and certificate trust come together from the source that wins UsePassportForWork: {TierName(winnerRank.Tier)} sets it ('{winner.Source.DisplayName}' = {winner.Value}), so certificate trust from {TierName(loserRank.Tier)} is not used",
        _ =>
            $"PIN complexity and RequireSecurityDevice come together from one source: {TierName(winnerRank.Tier)} sets {winner.Node?.Name} ('{winner.Source.DisplayName}' = {winner.Value}), so this setting from {TierName(loserRank.Tier)} is not used and the node keeps its default unless that source sets it",
    };

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
                    => winner.Node is { IsPassportForWork: true }
                        ? "Group Policy always wins over Intune for Windows Hello for Business (MDMWinsOverGP does not apply to PassportForWork)"
                        : "Group Policy wins over Intune for this Policy CSP setting unless MDMWinsOverGP = 1 reaches the device",
                (PrecedenceTier.MdmWinsOverGp, _) => "MDMWinsOverGP = 1 reaches these devices, so the Intune value of this Policy CSP setting wins over Group Policy",
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

    /// <summary>
    /// Where two linked GPOs both apply (each SOM at which a link of one is at or below a link of the other), which
    /// wins there: the GPO whose strongest link at or above that SOM ranks higher (null: the same rank, a tie). A GPO
    /// linked at several SOMs has a different strength at each, so the winner can depend on the OU.
    /// </summary>
    public static List<(string Som, PolicySource? Winner)> WinnersBySom(PolicySource a, PolicySource b)
    {
        var result = new List<(string Som, PolicySource? Winner)>();
        if (a.GroupPolicy is not { LinksKnown: true } infoA || b.GroupPolicy is not { LinksKnown: true } infoB)
        {
            return result;
        }

        var meeting = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var la in infoA.Links)
        {
            foreach (var lb in infoB.Links)
            {
                if (!la.Enabled || !lb.Enabled)
                {
                    continue;
                }

                var (somA, somB) = (Normalize(la.SomPath), Normalize(lb.SomPath));
                if (AssignmentOverlap.IsAtOrBelow(somA, somB))
                {
                    meeting.Add(la.SomPath.TrimEnd('/'));
                }
                else if (AssignmentOverlap.IsAtOrBelow(somB, somA))
                {
                    meeting.Add(lb.SomPath.TrimEnd('/'));
                }
            }
        }

        foreach (var som in meeting)
        {
            var rankA = RankAt(infoA, Normalize(som));
            var rankB = RankAt(infoB, Normalize(som));
            result.Add((som, rankA > rankB ? a : rankB > rankA ? b : null));
        }

        return result;
    }

    private static int RankAt(GroupPolicyInfo info, string som)
    {
        var best = int.MinValue;
        foreach (var link in info.Links)
        {
            if (link.Enabled && AssignmentOverlap.IsAtOrBelow(som, Normalize(link.SomPath)))
            {
                best = Math.Max(best, LinkRank(link));
            }
        }

        return best;
    }

    private static string Normalize(string som) => som.TrimEnd('/').ToLowerInvariant();

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

using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// What the PIN rules (PL4006, PL4007, PL5001, PL5002) share: which settings are in effect for a set of devices, which
/// of them are enforced together, how two of them overlap, and the words for where a value comes from.
/// </summary>
/// <remarks>
/// Precedence is the resolver's: a setting is in effect unless <see cref="EffectivePolicy.ShadowingOf"/> names a
/// stronger overlapping one (by node, or by precedence group once the resolver groups PIN complexity and
/// RequireSecurityDevice, reference H13). PIN complexity comes from one policy source per device (User GP, Computer GP,
/// User MDM, Device MDM), so two values are only combined when they come from the same one of those
/// (<see cref="EnforcedTogether"/>); Intune merges the profiles of one tier setting by setting, Group Policy merges
/// GPOs value by value, and only one tenant-wide enrollment policy applies to a device (the one of highest priority).
/// </remarks>
internal static class PinPolicy
{
    /// <summary>A setting with a known node and a usable value that reaches devices once its source is assigned.</summary>
    public static bool IsConfigured(PolicySetting setting) =>
        setting.Node is not null
        && setting.IsApplied
        && setting.Value.Kind != PolicyValueKind.None
        && setting.Problem == SettingProblem.None;

    /// <summary>Configured settings of a node in every source, assigned or not, in source order.</summary>
    public static List<PolicySetting> Configured(EffectivePolicy policy, CspNode node)
    {
        var result = new List<PolicySetting>();
        foreach (var source in policy.Sources)
        {
            foreach (var setting in source.Settings)
            {
                if (IsConfigured(setting) && setting.Node!.Id == node.Id)
                {
                    result.Add(setting);
                }
            }
        }

        return result;
    }

    /// <summary>Configured settings of a node that no stronger overlapping setting overrides.</summary>
    public static List<PolicySetting> InEffect(EffectivePolicy policy, CspNode node) =>
        Configured(policy, node).FindAll(s => policy.ShadowingOf(s) is null);

    /// <summary>
    /// How two settings can reach the same devices: certain within one source; a pair with an unassigned Intune side
    /// is pending (nothing overlaps yet, it takes effect once both are assigned); otherwise as
    /// <see cref="AssignmentOverlap"/> says.
    /// </summary>
    public static OverlapKind Overlap(PolicySetting a, PolicySetting b)
    {
        if (ReferenceEquals(a.Source, b.Source))
        {
            return OverlapKind.Certain;
        }

        var overlap = AssignmentOverlap.Between(a, b);
        var unassigned = a.Source.AssignmentState == AssignmentState.Unassigned || b.Source.AssignmentState == AssignmentState.Unassigned;
        return overlap == OverlapKind.None && unassigned && !a.Source.IsGroupPolicy && !b.Source.IsGroupPolicy
            ? OverlapKind.Pending
            : overlap;
    }

    /// <summary>
    /// Whether two PIN settings come from the same policy source in Microsoft's sense (User GP, Computer GP, User MDM,
    /// Device MDM), so a device can get both: the same precedence tier, and for the tenant-wide enrollment policy the
    /// same object (a device gets one enrollment policy, never a mix of two).
    /// </summary>
    public static bool EnforcedTogether(PolicySetting a, PolicySetting b)
    {
        var tier = PrecedenceRules.Of(a).Tier;
        if (tier != PrecedenceRules.Of(b).Tier)
        {
            return false;
        }

        return tier != PrecedenceTier.EnrollmentDefault || ReferenceEquals(a.Source, b.Source);
    }

    /// <summary>Certain before possible before pending; None last.</summary>
    public static int Sureness(OverlapKind overlap) => overlap switch
    {
        OverlapKind.Certain => 3,
        OverlapKind.Assumed => 2,
        OverlapKind.Pending => 1,
        _ => 0,
    };

    /// <summary>"Settings Catalog profile 'X' (file(12,5))".</summary>
    public static string Where(PolicySetting setting) => $"{setting.Source.Describe()} ({setting.Location})";

    /// <summary>The source's first configured Windows Hello for Business setting, if any.</summary>
    public static PolicySetting? FirstWhfbSetting(PolicySource source)
    {
        foreach (var setting in source.Settings)
        {
            if (IsConfigured(setting) && setting.Node!.IsPassportForWork)
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>
    /// The settings that turn Windows Hello for Business on for a set of devices, with how: every UsePassportForWork
    /// true in effect, and, when <paramref name="entraJoined"/> (joinType entra in .policylint.yml: WHfB is on by
    /// default on Microsoft Entra joined devices), the first WHfB setting of every source whose devices no
    /// UsePassportForWork setting reaches at all (true or false, assigned or not).
    /// </summary>
    public static List<HelloOn> HelloTurnedOn(EffectivePolicy policy, bool entraJoined)
    {
        var result = new List<HelloOn>();
        var usePassportForWork = Configured(policy, PassportForWorkCatalog.UsePassportForWork);
        foreach (var setting in usePassportForWork)
        {
            if (setting.Value.IsTrue && policy.ShadowingOf(setting) is null)
            {
                result.Add(new HelloOn(setting, ByDefault: false));
            }
        }

        if (!entraJoined)
        {
            return result;
        }

        foreach (var source in policy.Sources)
        {
            if (FirstWhfbSetting(source) is not { } first)
            {
                continue;
            }

            if (!usePassportForWork.Exists(u => Overlap(first, u) != OverlapKind.None))
            {
                result.Add(new HelloOn(first, ByDefault: true));
            }
        }

        return result;
    }

    /// <summary>The rule option as a whole number in range, or the default when it is not set (or not usable).</summary>
    public static int IntegerOption(string? text, int @default, int minimum, int maximum) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value >= minimum && value <= maximum
            ? value
            : @default;
}

/// <summary>
/// Where Windows Hello for Business is on: <see cref="Anchor"/> is the UsePassportForWork true setting, or, when
/// <see cref="ByDefault"/>, the first WHfB setting of a source whose devices have WHfB on by default.
/// </summary>
internal sealed record HelloOn(PolicySetting Anchor, bool ByDefault)
{
    public PolicySource Source => Anchor.Source;

    /// <summary>"the devices Settings Catalog profile 'X' reaches (assigned to group Y)", or that it is not assigned yet.</summary>
    public string Whom() => Source.AssignmentState == AssignmentState.Unassigned
        ? $"no device yet ({Source.Describe()} is not assigned; this takes effect once it is assigned)"
        : $"the devices {Source.Describe()} reaches ({Reach.Describe(Source)})";

    /// <summary>Why WHfB counts as on there.</summary>
    public string How() => ByDefault
        ? $"as nothing sets UsePassportForWork for them, and .policylint.yml says joinType: entra (WHfB is on by default on Microsoft Entra joined devices; reported at the profile's first WHfB setting, {Anchor.DisplayPath})"
        : $"where {Anchor.DisplayPath} is true";

    /// <summary>Levels below the rule's level: a source not assigned yet is a note.</summary>
    public int LevelsBelow => Source.AssignmentState == AssignmentState.Unassigned ? Analysis.OverlapLevels.LevelsBelow(OverlapKind.Pending) : 0;
}

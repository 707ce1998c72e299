using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Rules;

/// <summary>
/// Intune sets a PassportForWork node in user scope and in device scope to different values for targets that can
/// meet: the user-scope value wins for the users who get it (User MDM &gt; Device MDM), so the device-scope value does
/// not apply to them. Warning for certain overlap, one level below for possible overlap (All users against All devices,
/// assignments not exported), a note while either side is unassigned.
/// </summary>
public sealed class PL2007_UserAndDeviceScopeDisagree : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.UserAndDeviceScopeDisagree,
        "Intune sets a WHfB setting differently in user and device scope",
        "{0} is {1} in device scope in {2} ({3}) but {4} in user scope in {5} ({6}; {7}): user-scope policy wins over device-scope policy, so the users the user-scope policy reaches ({8}) get {0} = {4}, not {1}, on these devices; set the node in one scope only (device scope assigned to device groups also lets several users per device provision) or give it the same value in both.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Warning,
        "For PassportForWork the user-scope CSP value takes precedence over the device-scope value. A device-wide rule (a longer PIN, a required TPM, WHfB turned off) is silently replaced for the users who get a different user-scope value.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var policy = context.Policy;
        // Per node: device-scope settings, and user-scope settings indexed per value (a handful of values per node).
        var device = new Dictionary<string, List<PolicySetting>>(StringComparer.Ordinal);
        var user = new Dictionary<string, List<UserValue>>(StringComparer.Ordinal);
        foreach (var source in policy.Sources)
        {
            if (!Counts(source))
            {
                continue;
            }

            foreach (var setting in source.Settings)
            {
                if (!Configured(setting) || !setting.Node!.IsPassportForWork || !setting.Node.AllowedInUser || policy.ShadowingOf(setting) is { } shadowing && OverriddenOutsideIntuneScopes(setting, shadowing))
                {
                    continue;
                }

                if (setting.Scope == PolicyScope.Device)
                {
                    ListFor(device, setting.Node.Id).Add(setting);
                    continue;
                }

                var values = ListFor(user, setting.Node.Id);
                var entry = values.Find(v => v.Value.Equals(setting.Value));
                if (entry is null)
                {
                    values.Add(entry = new UserValue(setting.Value));
                }

                entry.Add(setting);
            }
        }

        foreach (var (nodeId, deviceSettings) in device)
        {
            if (!user.TryGetValue(nodeId, out var userValues))
            {
                continue;
            }

            foreach (var setting in deviceSettings)
            {
                (PolicySetting Setting, OverlapKind Overlap)? best = null;
                foreach (var entry in userValues)
                {
                    if (entry.Value.Equals(setting.Value) || entry.Find(setting) is not { } hit)
                    {
                        continue;
                    }

                    if (best is null || (hit.Overlap != best.Value.Overlap && StrongestOverlap.Surest(hit.Overlap, best.Value.Overlap) == hit.Overlap))
                    {
                        best = hit;
                    }

                    if (best.Value.Overlap == OverlapKind.Certain)
                    {
                        break;
                    }
                }

                if (best is { } found)
                {
                    Report(context, setting, found.Setting, found.Overlap);
                }
            }
        }
    }

    private static void Report(EffectivePolicyAnalysisContext context, PolicySetting device, PolicySetting user, OverlapKind overlap)
    {
        var words = overlap switch
        {
            OverlapKind.Certain => "certain overlap",
            OverlapKind.Assumed when user.Source.AssignmentState == AssignmentState.Assigned && device.Source.AssignmentState == AssignmentState.Assigned
                => "possible overlap: they meet on the devices of the device-scope policy that the user-scope policy's users sign in to",
            _ => OverlapLevels.Describe(overlap),
        };

        context.ReportBelow(
            OverlapLevels.LevelsBelow(overlap),
            Rule,
            device.Location,
            device.Source,
            FindingSubject.Of($"{device.Node!.Id}|user-vs-device", device.Source, user.Source),
            [user.Location],
            device.Node.Name,
            device.Value,
            device.Source.Describe(),
            Reach.Describe(device.Source),
            user.Value,
            user.Source.Describe(),
            user.Location,
            words,
            Reach.Describe(user.Source));
    }

    /// <summary>Intune policies that target users or devices; the tenant-wide enrollment policy applies at enrollment only.</summary>
    private static bool Counts(PolicySource source) => source.Kind.IsIntune() && source.Kind != SourceKind.TenantWideEnrollment;

    /// <summary>
    /// A setting overridden by something other than the user-against-device order this rule is about (Group Policy,
    /// which PL2002 reports): which value users get is then not the user-scope one, so no claim is made.
    /// </summary>
    private static bool OverriddenOutsideIntuneScopes(PolicySetting setting, Shadowing shadowing) =>
        !Counts(shadowing.Winner.Source) || (setting.Scope == PolicyScope.User && shadowing.Winner.Scope == PolicyScope.User);

    private static bool Configured(PolicySetting setting) =>
        setting.Node is not null && setting.IsApplied && setting.Value.Kind != PolicyValueKind.None && setting.Problem == SettingProblem.None;

    private static List<T> ListFor<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }

    /// <summary>User-scope settings of one value, indexed by whom they reach.</summary>
    private sealed class UserValue(PolicyValue value)
    {
        private readonly StrongestOverlap _index = new();

        public PolicyValue Value { get; } = value;

        public void Add(PolicySetting setting)
        {
            _index.Add(setting);
        }

        /// <summary>
        /// The surest overlapping user-scope setting of this value. Different groups do not overlap, as everywhere
        /// (rules/docs/levels.md): counting them as possible overlap reported every user-scope policy against every
        /// device-scope policy of another value in a tenant (7,033 notes at 20,000 profiles).
        /// </summary>
        public (PolicySetting Setting, OverlapKind Overlap)? Find(PolicySetting device) => _index.Find(device);
    }
}

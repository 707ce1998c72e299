using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// Cloud Kerberos trust or certificate trust is configured for devices where Windows Hello for Business is off: a
/// setting that applies turns UsePassportForWork off for them, or the tenant-wide enrollment policy is disabled and no
/// policy enables WHfB for them, or (joinType hybrid) nothing enables WHfB for them at all. The trust policy then does
/// nothing. Error for certain overlap, one level below for possible overlap (and for joinType both), a note while
/// either side is unassigned.
/// </summary>
public sealed class PL3003_CloudTrustWithoutHello : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.CloudTrustWithoutHello,
        "Trust model configured where Windows Hello for Business is off",
        "{0} is true in {1} ({2}), but for these devices {3} ({4}): a trust policy only decides how an existing Windows Hello for Business credential authenticates to on-premises resources, and with Windows Hello for Business off users cannot provision one, so the trust policy does nothing and users keep signing in with passwords; {5}.",
        RuleCategories.TrustModel,
        DiagnosticSeverity.Error,
        "Cloud Kerberos trust and certificate trust are configured in addition to enabling Windows Hello for Business, never instead of it. Where UsePassportForWork is false (or, on hybrid joined devices, where nothing enables it), users cannot provision Windows Hello for Business, so the trust policy looks deployed in Intune or Group Policy while nobody uses it.",
        RuleTags.LevelVaries);

    private const string EnableFix =
        "enable Windows Hello for Business for these devices (Use Windows Hello For Business = true in a group-targeted Account protection or Settings Catalog policy, or the GPO policy 'Use Windows Hello for Business' = Enabled), or stop assigning the trust policy to devices where Windows Hello for Business is meant to be off";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var policy = context.Policy;
        var trust = new List<PolicySetting>();
        var disablers = new StrongestOverlap();
        var enablers = new StrongestOverlap();
        var tenantWideOff = new List<PolicySetting>();
        var conflicted = ConflictedEnablement(policy);
        foreach (var source in policy.Sources)
        {
            foreach (var setting in source.Settings)
            {
                if (!Configured(setting))
                {
                    continue;
                }

                if (setting.Node == PassportForWorkCatalog.UseCloudTrustForOnPremAuth || setting.Node == PassportForWorkCatalog.UseCertificateForOnPremAuth)
                {
                    // A trust value that a stronger source overrides never takes effect.
                    if (setting.Value.IsTrue && policy.ShadowingOf(setting) is null)
                    {
                        trust.Add(setting);
                    }
                }
                else if (setting.Node == PassportForWorkCatalog.UsePassportForWork)
                {
                    if (setting.Value.IsTrue)
                    {
                        // Any policy that turns WHfB on for some of these devices counts, even where a stronger one
                        // turns it off for others: only what turns it off is judged by what applies.
                        enablers.Add(setting);
                    }
                    else if (setting.Value.IsFalse && source.Kind == SourceKind.TenantWideEnrollment)
                    {
                        tenantWideOff.Add(setting);
                    }
                    else if (setting.Value.IsFalse && policy.ShadowingOf(setting) is null && !conflicted.Contains(setting))
                    {
                        // Overridden by a stronger true: not what devices get. In conflict with a true of equal
                        // precedence: nobody knows what devices get (PL2001 reports that), so no claim here.
                        disablers.Add(setting);
                    }
                }
            }
        }

        if (trust.Count == 0)
        {
            return;
        }

        foreach (var setting in trust)
        {
            if (disablers.Find(setting) is { } hit)
            {
                Report(context, setting, hit.Overlap, OverlapLevels.Describe(hit.Overlap), hit.Setting, DisablerText(hit.Setting), EnableFix);
                continue;
            }

            if (enablers.Find(setting) is not null)
            {
                continue;
            }

            if (tenantWideOff.Count > 0)
            {
                var tenantWide = tenantWideOff[0];
                var overlap = TenantWideOverlap(setting, tenantWide);
                if (overlap != OverlapKind.None)
                {
                    Report(context, setting, overlap, OverlapLevels.Describe(overlap), tenantWide,
                        $"the tenant-wide Windows Hello for Business enrollment policy '{tenantWide.Source.DisplayName}' disables Windows Hello for Business at enrollment (state {tenantWide.RawValue ?? "disabled"}, {tenantWide.Location}) and no policy enables it for them",
                        "keep the tenant-wide policy disabled (Microsoft's recommended setup) and enable Windows Hello for Business with a group-targeted policy that reaches these devices (Use Windows Hello For Business = true in an Account protection or Settings Catalog policy, or the GPO policy 'Use Windows Hello for Business' = Enabled), or stop assigning the trust policy to them");
                    continue;
                }
            }

            if (context.Tenant.JoinType is JoinType.Hybrid or JoinType.Both)
            {
                var both = context.Tenant.JoinType == JoinType.Both;
                var (overlap, words) = setting.Source.AssignmentState == AssignmentState.Unassigned
                    ? (OverlapKind.Pending, "the trust policy is not assigned yet: this takes effect once it is assigned")
                    : both
                        ? (OverlapKind.Assumed, "possibly: only the hybrid joined devices among them")
                        : (OverlapKind.Certain, "every device it reaches is hybrid joined");
                Report(context, setting, overlap, words, null,
                    $"no policy enables Windows Hello for Business, and .policylint.yml says joinType: {(both ? "both" : "hybrid")}, where it is not on by default (it is on by default only on Microsoft Entra joined devices, and on hybrid joined devices a user only attempts enrollment when 'Use Windows Hello for Business' is enabled)",
                    EnableFix);
            }
        }
    }

    private static void Report(EffectivePolicyAnalysisContext context, PolicySetting trust, OverlapKind overlap, string overlapWords, PolicySetting? cause, string why, string fix)
    {
        context.ReportBelow(
            OverlapLevels.LevelsBelow(overlap),
            Rule,
            trust.Location,
            trust.Source,
            cause is null
                ? FindingSubject.Of(trust.Node!, trust.Scope, trust.Source) + "|nothing-enables"
                : FindingSubject.Of(trust.Node!, trust.Scope, trust.Source, cause.Source),
            cause is null ? null : [cause.Location],
            TrustName(trust),
            trust.Source.Describe(),
            Reach.Describe(trust.Source),
            why,
            overlapWords,
            fix);
    }

    /// <summary>"UseCloudTrustForOnPremAuth (cloud Kerberos trust)".</summary>
    private static string TrustName(PolicySetting trust) =>
        trust.Node == PassportForWorkCatalog.UseCloudTrustForOnPremAuth
            ? "UseCloudTrustForOnPremAuth (cloud Kerberos trust)"
            : $"UseCertificateForOnPremAuth (certificate trust{(trust.Scope == PolicyScope.User ? ", user scope" : string.Empty)})";

    /// <summary>What turns WHfB off, in the words of the source that does it.</summary>
    private static string DisablerText(PolicySetting disabler)
    {
        var source = disabler.Source;
        var node = disabler.Node!;
        if (source.IsGroupPolicy)
        {
            var section = disabler.Scope == PolicyScope.User ? "User" : "Computer";
            return $"'{node.Names.GpoPolicyName}' is Disabled in the {section} Configuration of GPO '{source.DisplayName}' ({disabler.Location}), and Group Policy wins over Intune for Windows Hello for Business";
        }

        if (node.Names.IdentityProtectionProperty is { } property && disabler.WrittenName.EndsWith(property, StringComparison.OrdinalIgnoreCase))
        {
            return $"{property} is true in {source.Describe()} ({disabler.Location}), which turns Windows Hello for Business off";
        }

        var scope = disabler.Scope == PolicyScope.User ? " in user scope, which wins over device scope," : string.Empty;
        return $"UsePassportForWork is false{scope} in {source.Describe()} ({disabler.Location})";
    }

    /// <summary>
    /// The tenant-wide policy reaches every device that enrolls in Intune: certain for Intune policies with exported
    /// assignments, possible for GPOs (their devices may not be enrolled) and policies whose assignments are unknown.
    /// A tenant-wide policy whose own assignments are exported is judged by them.
    /// </summary>
    private static OverlapKind TenantWideOverlap(PolicySetting trust, PolicySetting tenantWide)
    {
        if (trust.Source.AssignmentState == AssignmentState.Unassigned)
        {
            return OverlapKind.Pending;
        }

        if (tenantWide.Source.AssignmentState == AssignmentState.Assigned)
        {
            return StrongestOverlap.Between(trust, tenantWide);
        }

        return trust.Source.IsGroupPolicy || trust.Source.AssignmentState == AssignmentState.Unknown ? OverlapKind.Assumed : OverlapKind.Certain;
    }

    /// <summary>UsePassportForWork settings in a conflict of equal precedence: their effective value is undefined.</summary>
    private static HashSet<PolicySetting> ConflictedEnablement(EffectivePolicy policy)
    {
        var conflicted = new HashSet<PolicySetting>();
        if (policy[PassportForWorkCatalog.UsePassportForWork] is { } node)
        {
            foreach (var conflict in node.Conflicts)
            {
                conflicted.Add(conflict.First);
                conflicted.Add(conflict.Second);
            }
        }

        return conflicted;
    }

    /// <summary>A known node with a usable value that reaches devices once its source is assigned.</summary>
    private static bool Configured(PolicySetting setting) =>
        setting.Node is not null && setting.IsApplied && setting.Value.Kind != PolicyValueKind.None && setting.Problem == SettingProblem.None;
}

using System.Collections.Immutable;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Resolution;

/// <summary>
/// The devices one policy source reaches and the trust model they get from the effective policy.
/// </summary>
/// <param name="Model">The trust model.</param>
/// <param name="Decider">
/// The setting that decides it: a true UseCertificateForOnPremAuth (certificate), a true UseCloudTrustForOnPremAuth
/// (cloud Kerberos), or, for key trust, the setting that turns WHfB on where no trust policy reaches.
/// </param>
/// <param name="Reach">
/// How sure it is that devices get the model: <see cref="OverlapKind.Certain"/> for an assigned source (a linked GPO),
/// <see cref="OverlapKind.Assumed"/> when the export lacks the assignments or, for cloud Kerberos trust, where a
/// certificate trust policy may reach the same devices (<paramref name="CertificateOverlap"/>) and wins there,
/// <see cref="OverlapKind.Pending"/> for an unassigned source (the model takes effect once it is assigned).
/// </param>
/// <param name="CertificateOverlap">For cloud Kerberos trust: a true certificate trust setting of another source that reaches some of the same devices, which get certificate trust.</param>
public sealed record TrustModelScope(TrustModel Model, PolicySetting Decider, OverlapKind Reach, PolicySetting? CertificateOverlap = null)
{
    public PolicySource Source => Decider.Source;
}

/// <summary>
/// The trust model devices get, derived in one place for every rule (PL3003, PL3004, PL3005) from the effective
/// settings: a setting counts unless <see cref="EffectivePolicy.ShadowingOf"/> says a stronger one overrides it.
/// Certificate trust on wins over cloud Kerberos trust (reference H6); neither on is key trust; the trust settings and
/// enablement of one source come together by the grouped precedence (reference H13), which the resolver models.
/// </summary>
public static class EffectiveTrustModel
{
    /// <summary>The model of a device with these effective values: certificate trust wins over cloud Kerberos trust (reference H6).</summary>
    public static TrustModel Of(bool certificateTrust, bool cloudKerberosTrust) =>
        certificateTrust ? TrustModel.Certificate : cloudKerberosTrust ? TrustModel.CloudKerberos : TrustModel.Key;

    /// <summary>The name <c>.policylint.yml</c>'s <c>expectedTrustModel</c> uses: cloudKerberos, key, certificate.</summary>
    public static string ConfigName(TrustModel model) => model switch
    {
        TrustModel.CloudKerberos => "cloudKerberos",
        TrustModel.Certificate => "certificate",
        _ => "key",
    };

    /// <summary>Words for a message: "cloud Kerberos trust", "key trust", "certificate trust".</summary>
    public static string Describe(TrustModel model) => model switch
    {
        TrustModel.CloudKerberos => "cloud Kerberos trust",
        TrustModel.Certificate => "certificate trust",
        _ => "key trust",
    };

    /// <summary>True trust settings of a node that take effect: applied, not overridden, in a source that does not turn WHfB off.</summary>
    public static IReadOnlyList<PolicySetting> EffectiveTrue(EffectivePolicy policy, CspNode node)
    {
        var result = new List<PolicySetting>();
        foreach (var setting in policy.SettingsOf(node))
        {
            if (setting.Value.IsTrue && setting.TakesEffect && policy.ShadowingOf(setting) is null && !TurnsHelloOff(setting.Source))
            {
                result.Add(setting);
            }
        }

        return result;
    }

    /// <summary>
    /// Every source's part of the tenant with the trust model it gives: one scope per effective certificate trust
    /// setting, per effective cloud Kerberos trust setting (in device scope: the node exists only there), and per
    /// setting that turns WHfB on for devices no trust setting reaches (key trust). Sources whose GPO is linked nowhere
    /// reach nobody and give no scope.
    /// </summary>
    public static ImmutableArray<TrustModelScope> ScopesOf(EffectivePolicy policy)
    {
        var certificate = EffectiveTrue(policy, PassportForWorkCatalog.UseCertificateForOnPremAuth).Where(Reaches).ToList();
        var cloud = EffectiveTrue(policy, PassportForWorkCatalog.UseCloudTrustForOnPremAuth)
            .Where(s => s.Scope == PolicyScope.Device && Reaches(s)).ToList();
        var scopes = ImmutableArray.CreateBuilder<TrustModelScope>();
        foreach (var setting in certificate)
        {
            scopes.Add(new TrustModelScope(TrustModel.Certificate, setting, ReachOf(setting.Source)));
        }

        var certificateIndex = new OverlapIndex();
        foreach (var setting in certificate)
        {
            certificateIndex.Add(setting);
        }

        foreach (var setting in cloud)
        {
            // A certificate trust source that reaches every device this one reaches (the same source, the same
            // groups, All devices): those devices get certificate trust (its scope above), none gets cloud Kerberos trust.
            if (certificate.Any(c => Covers(c.Source, setting.Source)))
            {
                continue;
            }

            var reach = ReachOf(setting.Source);
            if (certificateIndex.FindOverlapping(setting) is var (overlapping, overlap) && overlap != OverlapKind.None)
            {
                // Some devices may get certificate trust instead (PL3001); which ones, the export cannot say.
                scopes.Add(new TrustModelScope(TrustModel.CloudKerberos, setting, OverlapLevels.Weakest(reach, OverlapKind.Assumed), overlapping));
            }
            else
            {
                scopes.Add(new TrustModelScope(TrustModel.CloudKerberos, setting, reach));
            }
        }

        var trustIndex = new OverlapIndex();
        foreach (var setting in certificate.Concat(cloud))
        {
            trustIndex.Add(setting);
        }

        foreach (var enabling in policy.SettingsOf(PassportForWorkCatalog.UsePassportForWork))
        {
            if (!enabling.Value.IsTrue || !enabling.TakesEffect || policy.ShadowingOf(enabling) is not null || !Reaches(enabling))
            {
                continue;
            }

            // Key trust only where no trust setting can reach: any overlap (even possible or pending) leaves it open.
            if (trustIndex.FindOverlapping(enabling) is var (_, overlap) && overlap != OverlapKind.None)
            {
                continue;
            }

            if (scopes.Any(s => ReferenceEquals(s.Source, enabling.Source)))
            {
                continue;
            }

            scopes.Add(new TrustModelScope(TrustModel.Key, enabling, ReachOf(enabling.Source)));
        }

        return scopes.ToImmutable();
    }

    /// <summary>Certain for an assigned source or a linked GPO, assumed when the export lacks assignments, pending when unassigned.</summary>
    public static OverlapKind ReachOf(PolicySource source) => source.AssignmentState switch
    {
        AssignmentState.Unassigned => OverlapKind.Pending,
        AssignmentState.Unknown when !source.IsGroupPolicy => OverlapKind.Assumed,
        _ when source.IsGroupPolicy && source.GroupPolicy is not { LinksKnown: true } => OverlapKind.Assumed,
        _ => OverlapKind.Certain,
    };

    /// <summary>
    /// As far as the export says, <paramref name="certificate"/> reaches every device <paramref name="other"/> reaches:
    /// the same source, or Intune assignments where the certificate source includes All devices or every group the
    /// other includes, with no exclusion or filter of its own.
    /// </summary>
    public static bool Covers(PolicySource certificate, PolicySource other)
    {
        if (ReferenceEquals(certificate, other))
        {
            return true;
        }

        if (certificate.IsGroupPolicy || other.IsGroupPolicy
            || certificate.AssignmentState != AssignmentState.Assigned || other.AssignmentState != AssignmentState.Assigned
            || certificate.Assignments.Any(a => a.IsExclusion || a.FilterMode != AssignmentFilterMode.None))
        {
            return false;
        }

        if (certificate.Assignments.Any(a => a.Kind == AssignmentTargetKind.AllDevices))
        {
            return true;
        }

        var includes = other.Assignments.Where(a => !a.IsExclusion).ToList();
        return includes.Count > 0 && includes.All(a => certificate.Assignments.Any(c => c.TargetKey == a.TargetKey));
    }

    private static bool Reaches(PolicySetting setting) =>
        !setting.Source.IsGroupPolicy || setting.Source.GroupPolicy is not { LinksKnown: true } links || links.Links.Any(l => l.Enabled);

    private static bool TurnsHelloOff(PolicySource source)
    {
        foreach (var setting in source.Settings)
        {
            if (setting.Node == PassportForWorkCatalog.UsePassportForWork && setting.TakesEffect && setting.Value.IsFalse)
            {
                return true;
            }
        }

        return false;
    }
}

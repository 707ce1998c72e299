namespace PolicyLint.Model;

public enum CspDataType
{
    Boolean,
    Integer,
    String,
}

/// <summary>
/// Whether a node does anything without a provisioned Windows Hello for Business credential (PL5003; facts and sources in
/// docs/rule-facts.md, section 3).
/// </summary>
public enum HelloDependency
{
    /// <summary>Works without WHfB provisioning (security key sign-in, Dynamic Lock, biometrics), is the WHfB switch itself, or is not known to depend on it.</summary>
    None,

    /// <summary>Acts only on a provisioned WHfB credential (its PIN, key storage, recovery, certificates), in every representation.</summary>
    ProvisionedOnly,

    /// <summary>
    /// PIN complexity: the Group Policy settings apply to all uses of PINs even without WHfB (reference H16); Microsoft's
    /// pages say nothing about the CSP nodes, which PolicyLint counts as provisioned-only with "no documented effect".
    /// </summary>
    PinComplexity,
}

/// <summary>
/// One CSP leaf that Windows Hello for Business policy can set, with its names in every representation.
/// The full table lives in PolicyLint.Core's PassportForWorkCatalog; this type is what rules see.
/// </summary>
public sealed class CspNode
{
    /// <summary>
    /// Canonical id: the CSP path after <c>./Device/Vendor/MSFT/</c> or <c>./User/Vendor/MSFT/</c>, with the tenant
    /// node written as <c>{TenantId}</c>, e.g. <c>PassportForWork/{TenantId}/Policies/UsePassportForWork</c>.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The leaf name, e.g. <c>UsePassportForWork</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How admins see it in the Intune UI, e.g. "Use Windows Hello For Business".</summary>
    public required string DisplayName { get; init; }

    public required CspDataType DataType { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    /// <summary>For enumerated integers: every allowed value with its meaning.</summary>
    public IReadOnlyDictionary<long, string>? AllowedValues { get; init; }

    /// <summary>The CSP default as the DDF states it (see the catalogue for documented conflicts).</summary>
    public string? DefaultValue { get; init; }

    public bool AllowedInDevice { get; init; } = true;

    public bool AllowedInUser { get; init; }

    /// <summary>Lives under the tenant node (<c>PassportForWork/{TenantId}/...</c>).</summary>
    public bool IsTenantScoped => Id.Contains("{TenantId}", StringComparison.Ordinal);

    public bool IsPassportForWork => Id.StartsWith("PassportForWork/", StringComparison.Ordinal);

    public bool IsDeprecated { get; init; }

    /// <summary>The node that replaces a deprecated one (the CSP page names it), or null.</summary>
    public CspNode? ReplacedBy { get; init; }

    /// <summary>
    /// The first Windows build with the node, one entry per release the CSP page lists (a node that came to several
    /// servicing branches in updates has one per branch, e.g. 10.0.19041.4239 and 10.0.22621.3374). Empty when unknown.
    /// </summary>
    public IReadOnlyList<Version> MinimumBuilds { get; init; } = [];

    /// <summary>The node exists only in Windows Insider builds (no released build has it yet).</summary>
    public bool IsInsiderOnly { get; init; }

    /// <summary>The minimum builds as text ("10.0.19041.4239; 10.0.22621.3374"), "Insider" for Insider-only nodes, or null.</summary>
    public string? MinimumOs => IsInsiderOnly ? "Insider" : MinimumBuilds.Count == 0 ? null : string.Join("; ", MinimumBuilds);

    /// <summary>Whether the node acts without a provisioned WHfB credential (PL5003).</summary>
    public HelloDependency HelloDependency { get; init; }

    /// <summary>
    /// True when a setting of this node from a source of <paramref name="kind"/> only acts on a provisioned WHfB
    /// credential: <see cref="HelloDependency.ProvisionedOnly"/> nodes always, PIN complexity nodes except from Group
    /// Policy (whose PIN Complexity settings apply to all uses of PINs, reference H16).
    /// </summary>
    public bool ActsOnlyOnProvisionedHello(SourceKind kind) =>
        HelloDependency == HelloDependency.ProvisionedOnly || (HelloDependency == HelloDependency.PinComplexity && kind != SourceKind.GroupPolicy);

    /// <summary>
    /// The minimum build a device at <paramref name="build"/> falls short of, or null when the node exists there (or
    /// the catalogue has no build for it). A build of a listed release (same major.minor.build) is compared with that
    /// release's entry, revision included; any other build with the oldest entry. Plain number comparison, so a
    /// release the page does not list but that is newer than the oldest entry counts as having the node: a finding
    /// may be missed, none is invented.
    /// </summary>
    public Version? MinimumBuildMissingOn(Version build)
    {
        Version? oldest = null;
        foreach (var minimum in MinimumBuilds)
        {
            if (minimum.Major == build.Major && minimum.Minor == build.Minor && minimum.Build == build.Build)
            {
                return build < minimum ? minimum : null;
            }

            if (oldest is null || minimum < oldest)
            {
                oldest = minimum;
            }
        }

        return oldest is not null && build < oldest ? oldest : null;
    }

    /// <summary>The value equals the default the catalogue records for the node (what a device without the setting has).</summary>
    public bool IsDefault(PolicyValue value) =>
        DefaultValue is not null && value.Kind != PolicyValueKind.None && string.Equals(value.ToString(), DefaultValue, StringComparison.OrdinalIgnoreCase);

    public string? Note { get; init; }

    /// <summary>The node's names in each representation (Settings Catalog, Identity Protection, GPO, ...).</summary>
    public NodeRepresentations Names { get; init; } = new();

    public bool AllowedIn(PolicyScope scope) => scope == PolicyScope.Device ? AllowedInDevice : AllowedInUser;

    /// <summary>The OMA-URI for a scope with a concrete tenant id (or the literal placeholder when none is given).</summary>
    public string OmaUri(PolicyScope scope, string tenantId = "{TenantId}") =>
        $"./{(scope == PolicyScope.Device ? "Device" : "User")}/Vendor/MSFT/{Id.Replace("{TenantId}", tenantId, StringComparison.Ordinal)}";

    public override string ToString() => Id;
}

/// <summary>Names of one CSP node in each way Intune and Group Policy write it.</summary>
public sealed record NodeRepresentations
{
    /// <summary>Settings Catalog settingDefinitionId in device scope (choice values append <c>_&lt;value&gt;</c>).</summary>
    public string? SettingsCatalogDeviceId { get; init; }

    /// <summary>Settings Catalog settingDefinitionId in user scope.</summary>
    public string? SettingsCatalogUserId { get; init; }

    /// <summary>Property of windowsIdentityProtectionConfiguration (also the suffix of Account Protection intent definitionIds).</summary>
    public string? IdentityProtectionProperty { get; init; }

    /// <summary>True when the Identity Protection property is the inverse of the CSP value (windowsHelloForBusinessBlocked).</summary>
    public bool IdentityProtectionInverted { get; init; }

    /// <summary>Property of deviceEnrollmentWindowsHelloForBusinessConfiguration (tenant-wide enrollment policy).</summary>
    public string? EnrollmentProperty { get; init; }

    /// <summary>English GPO policy name (ADML display name), or the option label when the node is an option of a policy.</summary>
    public string? GpoPolicyName { get; init; }

    /// <summary>Registry key written by Group Policy, without hive (HKLM for Computer, HKCU for User configuration).</summary>
    public string? GpoRegistryKey { get; init; }

    /// <summary>Registry value name written by Group Policy.</summary>
    public string? GpoRegistryValue { get; init; }

    /// <summary>Group Policy class: which configuration sections offer the policy.</summary>
    public bool GpoInComputer { get; init; }

    public bool GpoInUser { get; init; }
}

namespace PolicyLint.Model;

public enum CspDataType
{
    Boolean,
    Integer,
    String,
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

    public string? MinimumOs { get; init; }

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

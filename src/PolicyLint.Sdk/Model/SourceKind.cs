namespace PolicyLint.Model;

/// <summary>Every way a Windows Hello for Business setting reaches a device.</summary>
public enum SourceKind
{
    /// <summary>Intune Settings Catalog (deviceManagement/configurationPolicies, templateFamily none).</summary>
    SettingsCatalog,

    /// <summary>Endpoint security Account Protection, configurationPolicies form (templateFamily endpointSecurityAccountProtection).</summary>
    AccountProtection,

    /// <summary>Endpoint security Account Protection, legacy deviceManagement/intents form.</summary>
    AccountProtectionIntent,

    /// <summary>The retired "Account protection (Preview)" template.</summary>
    AccountProtectionPreview,

    /// <summary>The deprecated Identity Protection device configuration profile.</summary>
    IdentityProtection,

    /// <summary>Custom OMA-URI profile (windows10CustomConfiguration).</summary>
    CustomOmaUri,

    /// <summary>The tenant-wide Windows Hello for Business enrollment policy (applies at enrollment only).</summary>
    TenantWideEnrollment,

    /// <summary>A security baseline (intent or configurationPolicy with a baseline template).</summary>
    SecurityBaseline,

    /// <summary>A Group Policy Object (GPMC report, GPO backup or Registry.pol).</summary>
    GroupPolicy,
}

public static class SourceKindExtensions
{
    public static bool IsGroupPolicy(this SourceKind kind) => kind == SourceKind.GroupPolicy;

    public static bool IsIntune(this SourceKind kind) => kind != SourceKind.GroupPolicy;

    /// <summary>How the kind is named to an admin, e.g. "Settings Catalog profile".</summary>
    public static string DisplayName(this SourceKind kind) => kind switch
    {
        SourceKind.SettingsCatalog => "Settings Catalog profile",
        SourceKind.AccountProtection => "Account Protection policy",
        SourceKind.AccountProtectionIntent => "Account Protection policy (intent)",
        SourceKind.AccountProtectionPreview => "Account protection (Preview) policy",
        SourceKind.IdentityProtection => "Identity Protection profile",
        SourceKind.CustomOmaUri => "custom OMA-URI profile",
        SourceKind.TenantWideEnrollment => "tenant-wide WHfB enrollment policy",
        SourceKind.SecurityBaseline => "security baseline",
        SourceKind.GroupPolicy => "Group Policy Object",
        _ => kind.ToString(),
    };
}

namespace PolicyLint.Analysis;

/// <summary>
/// Every rule id PolicyLint has ever shipped, in order. An id is never reused, even when its rule is removed.
/// PL0xxx input, PL1xxx profile types and deprecation, PL2xxx precedence and conflicts, PL3xxx trust model,
/// PL4xxx authoring mistakes.
/// </summary>
public static class RuleIds
{
    public const string InputNotReadable = "PL0001";

    public const string IdentityProtectionProfileDeprecated = "PL1001";
    public const string DeprecatedProfileConflict = "PL1002";
    public const string TenantWideEnrollmentPolicyInUse = "PL1004";
    public const string AccountProtectionPreviewTemplate = "PL1005";

    public const string ConflictingIntuneValues = "PL2001";
    public const string GroupPolicyOverridesIntune = "PL2002";
    public const string UserAndComputerGpoDisagree = "PL2003";
    public const string ConflictingGpoValues = "PL2006";

    public const string CertificateTrustOverridesCloudTrust = "PL3001";
    public const string CloudTrustInUserScope = "PL3002";

    public const string TenantIdPlaceholder = "PL4001";
    public const string InvalidSettingValue = "PL4002";
    public const string UnknownPassportForWorkNode = "PL4003";
}

namespace PolicyLint.Analysis;

/// <summary>
/// Every rule id PolicyLint has ever shipped, in order. An id is never reused, even when its rule is removed.
/// PL0xxx input and the engine, PL1xxx profile types and deprecation, PL2xxx precedence and conflicts, PL3xxx trust
/// model, PL4xxx authoring mistakes, PL5xxx hardening and settings that do nothing.
/// </summary>
public static class RuleIds
{
    public const string InputNotReadable = "PL0001";
    public const string RuleFailed = "PL0002";

    public const string IdentityProtectionProfileDeprecated = "PL1001";
    public const string DeprecatedProfileConflict = "PL1002";
    public const string MixedDeliveryMechanisms = "PL1003";
    public const string TenantWideEnrollmentPolicyInUse = "PL1004";
    public const string AccountProtectionPreviewTemplate = "PL1005";

    public const string ConflictingIntuneValues = "PL2001";
    public const string GroupPolicyOverridesIntune = "PL2002";
    public const string UserAndComputerGpoDisagree = "PL2003";
    public const string DuplicateSetting = "PL2004";
    public const string ConflictingOmaUri = "PL2005";
    public const string ConflictingGpoValues = "PL2006";
    public const string UserAndDeviceScopeDisagree = "PL2007";
    public const string HelloPolicyAssignedToUsersOnly = "PL2008";

    public const string CertificateTrustOverridesCloudTrust = "PL3001";
    public const string CloudTrustInUserScope = "PL3002";
    public const string CloudTrustWithoutHello = "PL3003";
    public const string TrustModelMismatch = "PL3004";
    public const string MixedTrustModels = "PL3005";

    public const string TenantIdPlaceholder = "PL4001";
    public const string InvalidSettingValue = "PL4002";
    public const string UnknownPassportForWorkNode = "PL4003";
    public const string PinLengthBoundsInverted = "PL4006";
    public const string NoPinPossible = "PL4007";
    public const string MalformedOmaUri = "PL4008";
    public const string NodeNeedsNewerWindows = "PL4009";
    public const string DeprecatedNode = "PL4010";

    public const string SecurityDeviceNotRequired = "PL5001";
    public const string WeakMinimumPinLength = "PL5002";
    public const string HelloDisabledButConfigured = "PL5003";
    public const string PostLogonProvisioningDisabled = "PL5004";
    public const string PinRecoveryNeedsAllowedUrls = "PL5005";
}

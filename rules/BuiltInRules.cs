using PolicyLint.Analysis;

namespace PolicyLint.Rules;

/// <summary>
/// PolicyLint's built-in rules, in id order: the one list the CLI, tests and benchmarks use. Listed by hand rather
/// than found by reflection, so start-up does no type scanning; a meta-test checks that no rule class is missing.
/// </summary>
public static class BuiltInRules
{
    public static IReadOnlyList<PolicyAnalyzer> All { get; } =
    [
        new PL1001_IdentityProtectionProfileDeprecated(),
        new PL1002_DeprecatedProfileConflict(),
        new PL1003_MixedDeliveryMechanisms(),
        new PL1004_TenantWideEnrollmentPolicyInUse(),
        new PL1005_AccountProtectionPreviewTemplate(),
        new PL2001_ConflictingIntuneValues(),
        new PL2002_GroupPolicyOverridesIntune(),
        new PL2003_UserAndComputerGpoDisagree(),
        new PL2004_DuplicateSetting(),
        new PL2005_ConflictingOmaUri(),
        new PL2006_ConflictingGpoValues(),
        new PL2007_UserAndDeviceScopeDisagree(),
        new PL2008_HelloPolicyAssignedToUsersOnly(),
        new PL3001_CertificateTrustOverridesCloudTrust(),
        new PL3002_CloudTrustInUserScope(),
        new PL3003_CloudTrustWithoutHello(),
        new PL3004_TrustModelMismatch(),
        new PL3005_MixedTrustModels(),
        new PL4001_TenantIdPlaceholder(),
        new PL4002_InvalidSettingValue(),
        new PL4003_UnknownPassportForWorkNode(),
        new PL4006_PinLengthBoundsInverted(),
        new PL4007_NoPinPossible(),
        new PL4008_MalformedOmaUri(),
        new PL4009_NodeNeedsNewerWindows(),
        new PL4010_DeprecatedNode(),
        new PL5001_SecurityDeviceNotRequired(),
        new PL5002_WeakMinimumPinLength(),
        new PL5003_HelloDisabledButConfigured(),
        new PL5004_PostLogonProvisioningDisabled(),
        new PL5005_PinRecoveryNeedsAllowedUrls(),
    ];
}

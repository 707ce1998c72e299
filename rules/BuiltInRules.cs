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
        new PL1004_TenantWideEnrollmentPolicyInUse(),
        new PL1005_AccountProtectionPreviewTemplate(),
        new PL2001_ConflictingIntuneValues(),
        new PL2002_GroupPolicyOverridesIntune(),
        new PL2003_UserAndComputerGpoDisagree(),
        new PL2006_ConflictingGpoValues(),
        new PL3001_CertificateTrustOverridesCloudTrust(),
        new PL3002_CloudTrustInUserScope(),
        new PL4001_TenantIdPlaceholder(),
        new PL4002_InvalidSettingValue(),
        new PL4003_UnknownPassportForWorkNode(),
        new PL4006_PinLengthBoundsInverted(),
        new PL4007_NoPinPossible(),
        new PL5001_SecurityDeviceNotRequired(),
        new PL5002_WeakMinimumPinLength(),
    ];
}

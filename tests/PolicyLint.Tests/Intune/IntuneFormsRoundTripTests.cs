using PolicyLint.Model;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Intune;

/// <summary>
/// One test per Intune input form: the sample export of that form in samples/intune-forms, read on its own, normalizes
/// to exactly these (line:column node scope = value) settings, with this source kind and these assignments.
/// </summary>
public sealed class IntuneFormsRoundTripTests
{
    private const string Forms = "samples/intune-forms/";

    [Fact]
    public void Identity_protection_profile()
    {
        var source = ReadOne("graph/deviceConfigurations/WHfB - Identity Protection (legacy).json", SourceKind.IdentityProtection);

        // windowsHelloForBusinessBlocked false is UsePassportForWork true; "notConfigured" and null are not read.
        AssertSettings(source,
            "17:30 PassportForWork/SecurityKey/UseSecurityKeyForSignin device = 0",
            "18:51 PassportForWork/Biometrics/FacialFeaturesUseEnhancedAntiSpoofing device = true",
            "19:23 PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength device = 6",
            "20:23 PassportForWork/{TenantId}/Policies/PINComplexity/MaximumPINLength device = 127",
            "21:34 PassportForWork/{TenantId}/Policies/PINComplexity/UppercaseLetters device = 2",
            "22:34 PassportForWork/{TenantId}/Policies/PINComplexity/LowercaseLetters device = 2",
            "25:28 PassportForWork/{TenantId}/Policies/PINComplexity/History device = 5",
            "26:25 PassportForWork/{TenantId}/Policies/EnablePinRecovery device = true",
            "27:29 PassportForWork/{TenantId}/Policies/RequireSecurityDevice device = true",
            "28:34 PassportForWork/Biometrics/UseBiometrics device = true",
            "29:46 PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth device = false",
            "30:37 PassportForWork/{TenantId}/Policies/UsePassportForWork device = true");
        Assert.Equal(
            "Identity Protection profile 'WHfB - Identity Protection (legacy)' [6e1d7c2b-4a3f-4b8e-9c0d-1e2f3a4b5c6d] group 3f1c2a4e-7b5d-4e8f-9a1b-2c3d4e5f6a71 (filter include e7f8a9b0-c1d2-4e3f-a4b5-c6d7e8f9a0b5); excluded group b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4da4",
            Normalized.Source(source));
    }

    [Fact]
    public void Account_protection_policy_on_the_current_template()
    {
        var source = ReadOne("graph/configurationPolicies/WHfB - Account Protection.json", SourceKind.AccountProtection);

        AssertSettings(source,
            "46:28 PassportForWork/{TenantId}/Policies/UsePassportForWork device = true",
            "61:28 PassportForWork/{TenantId}/Policies/RequireSecurityDevice device = true",
            "77:28 PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength device = 8",
            "91:28 PassportForWork/{TenantId}/Policies/EnablePinRecovery device = true",
            "113:20 PassportForWork/Biometrics/FacialFeaturesUseEnhancedAntiSpoofing device = true");
        Assert.Equal("fcef01f2-439d-4c3f-9184-823fd6e97646_1", source.TemplateId);
    }

    [Fact]
    public void Tenant_wide_enrollment_policy_in_a_graph_value_list()
    {
        var source = ReadOne("graph/deviceEnrollmentConfigurations.json", SourceKind.TenantWideEnrollment);

        // securityKeyForSignIn and enhancedBiometricsState are notConfigured; enhancedSignInSecurity has no mapping.
        AssertSettings(source,
            "44:27 PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength device = 6",
            "45:27 PassportForWork/{TenantId}/Policies/PINComplexity/MaximumPINLength device = 127",
            "46:38 PassportForWork/{TenantId}/Policies/PINComplexity/UppercaseLetters device = 2",
            "47:38 PassportForWork/{TenantId}/Policies/PINComplexity/LowercaseLetters device = 2",
            "48:36 PassportForWork/{TenantId}/Policies/PINComplexity/SpecialCharacters device = 2",
            "49:16 PassportForWork/{TenantId}/Policies/UsePassportForWork device = true",
            "50:33 PassportForWork/{TenantId}/Policies/RequireSecurityDevice device = true",
            "51:38 PassportForWork/Biometrics/UseBiometrics device = true",
            "52:32 PassportForWork/{TenantId}/Policies/Remote/UseRemotePassport device = false",
            "53:32 PassportForWork/{TenantId}/Policies/PINComplexity/History device = 0",
            "54:30 PassportForWork/{TenantId}/Policies/PINComplexity/Expiration device = 0");
        Assert.Equal("9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a_DefaultWindowsHelloForBusiness", source.Id);
    }

    [Fact]
    public void Account_protection_preview_intent_in_utf16_with_double_encoded_values()
    {
        var source = ReadOne("intunemanagement/EndpointSecurity/WHfB - Account protection (Preview).json", SourceKind.AccountProtectionPreview);

        // The Credential Guard setting of the template is not a WHfB setting; valueJson "null" and "notConfigured" are not read.
        AssertSettings(source,
            "40:28 PassportForWork/{TenantId}/Policies/UsePassportForWork device = true",
            "48:28 PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength device = 8",
            "64:28 PassportForWork/{TenantId}/Policies/PINComplexity/LowercaseLetters device = 0",
            "72:28 PassportForWork/{TenantId}/Policies/PINComplexity/UppercaseLetters device = 0",
            "96:28 PassportForWork/{TenantId}/Policies/PINComplexity/History device = 10",
            "104:28 PassportForWork/{TenantId}/Policies/EnablePinRecovery device = true",
            "112:28 PassportForWork/{TenantId}/Policies/RequireSecurityDevice device = true",
            "120:28 PassportForWork/Biometrics/UseBiometrics device = true",
            "128:28 PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth device = false",
            "136:28 PassportForWork/Biometrics/FacialFeaturesUseEnhancedAntiSpoofing device = true",
            "144:28 PassportForWork/SecurityKey/UseSecurityKeyForSignin device = 1");
        Assert.Equal("0f2b5d70-d4e9-4156-8c16-1397eb6c54a5", source.TemplateId);
    }

    [Fact]
    public void IntuneManagement_settings_companion_read_on_its_own()
    {
        var source = ReadOne("intunemanagement/EndpointSecurity/WHfB - Account protection (Preview)_Settings.json", SourceKind.AccountProtectionIntent);

        // The whole file is one JSON string; positions map back through the escapes to the UTF-16 file's lines.
        AssertSettings(source,
            "1:538 PassportForWork/{TenantId}/Policies/UsePassportForWork device = true",
            "1:1090 PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength device = 8",
            "1:2194 PassportForWork/{TenantId}/Policies/PINComplexity/LowercaseLetters device = 0",
            "1:2772 PassportForWork/{TenantId}/Policies/PINComplexity/UppercaseLetters device = 0",
            "1:4486 PassportForWork/{TenantId}/Policies/PINComplexity/History device = 10",
            "1:5034 PassportForWork/{TenantId}/Policies/EnablePinRecovery device = true",
            "1:5590 PassportForWork/{TenantId}/Policies/RequireSecurityDevice device = true",
            "1:6151 PassportForWork/Biometrics/UseBiometrics device = true",
            "1:6724 PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth device = false",
            "1:7304 PassportForWork/Biometrics/FacialFeaturesUseEnhancedAntiSpoofing device = true",
            "1:7861 PassportForWork/SecurityKey/UseSecurityKeyForSignin device = 1");
        Assert.Equal("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70", source.Id);
        Assert.Equal("WHfB - Account protection (Preview)", source.DisplayName);
    }

    [Fact]
    public void Security_baseline_policy_in_intunecd_yaml()
    {
        var source = ReadOne("intunecd/Settings Catalog/Windows Security Baseline - Standard Devices_mdm.yaml", SourceKind.SecurityBaseline);

        AssertSettings(source,
            "29:18 PassportForWork/{TenantId}/Policies/UsePassportForWork device = true",
            "36:18 PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth device = true",
            "44:18 PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength device = 6",
            "50:18 PassportForWork/{TenantId}/Policies/PINComplexity/Digits device = 1",
            "59:14 PassportForWork/Biometrics/FacialFeaturesUseEnhancedAntiSpoofing device = true",
            "68:14 Policy/Config/Kerberos/CloudKerberosTicketRetrievalEnabled device = 1");
        var target = Assert.Single(source.Assignments);
        Assert.Equal("Windows Standard Devices", target.GroupName);
    }

    [Fact]
    public void Security_baseline_intent_in_intunecd_yaml()
    {
        var source = ReadOne(
            "intunecd/Management Intents/MDM Security Baseline for Windows 10 and later for November 2021/Windows 10 MDM Security Baseline - Kiosks.yaml",
            SourceKind.SecurityBaseline);

        AssertSettings(source,
            "15:15 PassportForWork/{TenantId}/Policies/UsePassportForWork device = false",
            "19:15 PassportForWork/{TenantId}/Policies/PINComplexity/MinimumPINLength device = 6",
            "23:15 PassportForWork/{TenantId}/Policies/PINComplexity/LowercaseLetters device = 2",
            "27:15 PassportForWork/{TenantId}/Policies/PINComplexity/UppercaseLetters device = 2",
            "31:15 PassportForWork/{TenantId}/Policies/PINComplexity/SpecialCharacters device = 2",
            "35:15 PassportForWork/Biometrics/FacialFeaturesUseEnhancedAntiSpoofing device = true");
    }

    private static PolicySource ReadOne(string relativePath, SourceKind kind)
    {
        var result = Lint.Paths(RepoPaths.Root, Forms + relativePath);
        var file = Assert.Single(result.Files);
        Assert.False(file.HasErrors, string.Join("\n", file.Problems));
        var source = Assert.Single(file.Sources);
        Assert.Equal(kind, source.Kind);
        return source;
    }

    private static void AssertSettings(PolicySource source, params string[] expected) =>
        Assert.Equal(expected, source.Settings.Select(Normalized.Setting));
}

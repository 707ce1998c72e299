using PolicyLint.Model;

namespace PolicyLint.Catalog;

/// <summary>
/// Every PassportForWork CSP node (device and user scope) and the related nodes WHfB rules need, with their names in
/// every representation. One table: facts come from ../shared/reference/passportforwork.md (sections A, B, C, E, G).
/// </summary>
public static class PassportForWorkCatalog
{
    private const string Tid = "PassportForWork/{TenantId}/Policies/";
    private const string ScDevice = "device_vendor_msft_passportforwork_";
    private const string ScDeviceTid = ScDevice + "{tenantid}_policies_";
    private const string ScUserTid = "user_vendor_msft_passportforwork_{tenantid}_policies_";
    private const string GpoKey = @"SOFTWARE\Policies\Microsoft\PassportForWork";
    private const string GpoPinKey = GpoKey + @"\PINComplexity";

    /// <summary>The <c>minOs</c> of nodes that exist only in Windows Insider builds.</summary>
    private const string Insider = "Insider";

    private static readonly IReadOnlyDictionary<long, string> PinCharacterUsage = ValuesFromZero("allowed", "required", "not allowed");

    public static readonly CspNode UsePassportForWork = Node(Tid + "UsePassportForWork", "Use Windows Hello For Business", CspDataType.Boolean, user: true, @default: "true",
        minOs: "10.0.10586", note: "false: no Windows Hello for Business provisioning for any user",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "usepassportforwork", SettingsCatalogUserId = ScUserTid + "usepassportforwork",
            IdentityProtectionProperty = "windowsHelloForBusinessBlocked", IdentityProtectionInverted = true, EnrollmentProperty = "state",
            GpoPolicyName = "Use Windows Hello for Business", GpoRegistryKey = GpoKey, GpoRegistryValue = "Enabled", GpoInComputer = true, GpoInUser = true });

    public static readonly CspNode RequireSecurityDevice = Node(Tid + "RequireSecurityDevice", "Require Security Device", CspDataType.Boolean, user: true, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.10586", note: "true: provisioning needs a usable TPM",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "requiresecuritydevice", SettingsCatalogUserId = ScUserTid + "requiresecuritydevice",
            IdentityProtectionProperty = "securityDeviceRequired", EnrollmentProperty = "securityDeviceRequired",
            GpoPolicyName = "Use a hardware security device", GpoRegistryKey = GpoKey, GpoRegistryValue = "RequireSecurityDevice", GpoInComputer = true });

    public static readonly CspNode ExcludeTpm12 = Node(Tid + "ExcludeSecurityDevices/TPM12", "Restrict use of TPM 1.2", CspDataType.Boolean, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.15063",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "excludesecuritydevices_tpm12",
            GpoPolicyName = "Do not use the following security devices:", GpoRegistryKey = GpoKey + @"\ExcludeSecurityDevices", GpoRegistryValue = "TPM12", GpoInComputer = true });

    public static readonly CspNode EnablePinRecovery = Node(Tid + "EnablePinRecovery", "Enable Pin Recovery", CspDataType.Boolean, user: true, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.15063",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "enablepinrecovery", SettingsCatalogUserId = ScUserTid + "enablepinrecovery",
            IdentityProtectionProperty = "pinRecoveryEnabled",
            GpoPolicyName = "Use PIN Recovery", GpoRegistryKey = GpoKey, GpoRegistryValue = "EnablePinRecovery", GpoInComputer = true });

    public static readonly CspNode UseCertificateForOnPremAuth = Node(Tid + "UseCertificateForOnPremAuth", "Use Certificate For On Prem Auth", CspDataType.Boolean, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.10586", note: "certificate trust; takes precedence over cloud Kerberos trust",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "usecertificateforonpremauth",
            IdentityProtectionProperty = "useCertificatesForOnPremisesAuthEnabled",
            GpoPolicyName = "Use certificate for on-premises authentication", GpoRegistryKey = GpoKey, GpoRegistryValue = "UseCertificateForOnPremAuth", GpoInComputer = true, GpoInUser = true });

    public static readonly CspNode UseCloudTrustForOnPremAuth = Node(Tid + "UseCloudTrustForOnPremAuth", "Use Cloud Trust For On Prem Auth", CspDataType.Boolean, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.19044.1566; 10.0.22000.527; 10.0.22621", note: "cloud Kerberos trust; device scope (Computer configuration) only",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "usecloudtrustforonpremauth",
            GpoPolicyName = "Use cloud trust for on-premises authentication", GpoRegistryKey = GpoKey, GpoRegistryValue = "UseCloudTrustForOnPremAuth", GpoInComputer = true });

    public static readonly CspNode UseHelloCertificatesAsSmartCardCertificates = Node(Tid + "UseHelloCertificatesAsSmartCardCertificates", "Use Hello Certificates As Smart Card Certificates", CspDataType.Boolean, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.17763",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "usehellocertificatesassmartcardcertificates",
            GpoPolicyName = "Use Windows Hello for Business certificates as smart card certificates", GpoRegistryKey = GpoKey, GpoRegistryValue = "UseHelloCertificatesAsSmartCardCertificates", GpoInComputer = true });

    public static readonly CspNode DisablePostLogonProvisioning = Node(Tid + "DisablePostLogonProvisioning", "Disable Post Logon Provisioning", CspDataType.Boolean, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.19041.4239; 10.0.20348.2402; 10.0.22000.2899; 10.0.22621.3374", note: "true: no provisioning after sign-in",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "disablepostlogonprovisioning",
            GpoPolicyName = "Do not start Windows Hello provisioning after sign-in", GpoRegistryKey = GpoKey, GpoRegistryValue = "DisablePostLogonProvisioning", GpoInComputer = true, GpoInUser = true });

    public static readonly CspNode EnableWindowsHelloProvisioningForSecurityKeys = Node(Tid + "EnableWindowsHelloProvisioningForSecurityKeys", "Enable Windows Hello Provisioning For Security Keys", CspDataType.Boolean, @default: "false",
        minOs: Insider,
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "enablewindowshelloprovisioningforsecuritykeys" });

    public static readonly CspNode DisablePostLogonCredentialCaching = Node(Tid + "DisablePostLogonCredentialCaching", "Disable Post Logon Credential Caching", CspDataType.Boolean,
        minOs: Insider, note: "not on the 2024-08 CSP page; type inferred from the Settings Catalog choice",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "disablepostlogoncredentialcaching" });

    public static readonly CspNode UseRemotePassport = Node(Tid + "Remote/UseRemotePassport", "Use Remote Passport", CspDataType.Boolean, @default: "false", hello: HelloDependency.ProvisionedOnly, 
        minOs: "10.0.10586", note: "phone sign-in",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "remote_useremotepassport", EnrollmentProperty = "remotePassportEnabled" });

    public static readonly CspNode MinimumPinLength = Node(Tid + "PINComplexity/MinimumPINLength", "Minimum PIN Length", CspDataType.Integer, user: true, min: 4, max: 127, @default: "4", hello: HelloDependency.PinComplexity, 
        minOs: "10.0.10586", note: "must not exceed MaximumPINLength, or both revert to defaults",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "pincomplexity_minimumpinlength", SettingsCatalogUserId = ScUserTid + "pincomplexity_minimumpinlength",
            IdentityProtectionProperty = "pinMinimumLength", EnrollmentProperty = "pinMinimumLength",
            GpoPolicyName = "Minimum PIN length", GpoRegistryKey = GpoPinKey, GpoRegistryValue = "MinimumPINLength", GpoInComputer = true });

    public static readonly CspNode MaximumPinLength = Node(Tid + "PINComplexity/MaximumPINLength", "Maximum PIN Length", CspDataType.Integer, user: true, min: 4, max: 127, @default: "127", hello: HelloDependency.PinComplexity, 
        minOs: "10.0.10586",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "pincomplexity_maximumpinlength", SettingsCatalogUserId = ScUserTid + "pincomplexity_maximumpinlength",
            IdentityProtectionProperty = "pinMaximumLength", EnrollmentProperty = "pinMaximumLength",
            GpoPolicyName = "Maximum PIN length", GpoRegistryKey = GpoPinKey, GpoRegistryValue = "MaximumPINLength", GpoInComputer = true });

    public static readonly CspNode Digits = PinClass("Digits", "Digits", "Require digits", identityProtection: null, enrollment: null);

    public static readonly CspNode LowercaseLetters = PinClass("LowercaseLetters", "Lowercase Letters", "Require lowercase letters", "pinLowercaseCharactersUsage", "pinLowercaseCharactersUsage");

    public static readonly CspNode UppercaseLetters = PinClass("UppercaseLetters", "Uppercase Letters", "Require uppercase letters", "pinUppercaseCharactersUsage", "pinUppercaseCharactersUsage");

    public static readonly CspNode SpecialCharacters = PinClass("SpecialCharacters", "Special Characters", "Require special characters", "pinSpecialCharactersUsage", "pinSpecialCharactersUsage");

    public static readonly CspNode PinHistory = Node(Tid + "PINComplexity/History", "PIN History", CspDataType.Integer, user: true, min: 0, max: 50, @default: "0", hello: HelloDependency.PinComplexity, 
        minOs: "10.0.10586", note: "0: no history",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "pincomplexity_history", SettingsCatalogUserId = ScUserTid + "pincomplexity_history",
            IdentityProtectionProperty = "pinPreviousBlockCount", EnrollmentProperty = "pinPreviousBlockCount",
            GpoPolicyName = "History", GpoRegistryKey = GpoPinKey, GpoRegistryValue = "History", GpoInComputer = true });

    public static readonly CspNode PinExpiration = Node(Tid + "PINComplexity/Expiration", "Expiration", CspDataType.Integer, user: true, min: 0, max: 730, @default: "0", hello: HelloDependency.PinComplexity, 
        minOs: "10.0.10586", note: "days; 0: never",
        names: new() { SettingsCatalogDeviceId = ScDeviceTid + "pincomplexity_expiration", SettingsCatalogUserId = ScUserTid + "pincomplexity_expiration",
            IdentityProtectionProperty = "pinExpirationInDays", EnrollmentProperty = "pinExpirationInDays",
            GpoPolicyName = "Expiration", GpoRegistryKey = GpoPinKey, GpoRegistryValue = "Expiration", GpoInComputer = true });

    public static readonly CspNode UseBiometrics = Node("PassportForWork/Biometrics/UseBiometrics", "Use Biometrics", CspDataType.Boolean, @default: "false",
        minOs: "10.0.10586", note: "false blocks biometrics for all account types",
        names: new() { SettingsCatalogDeviceId = ScDevice + "biometrics_usebiometrics",
            IdentityProtectionProperty = "unlockWithBiometricsEnabled", EnrollmentProperty = "unlockWithBiometricsEnabled",
            GpoPolicyName = "Use biometrics", GpoRegistryKey = @"SOFTWARE\Microsoft\Windows\CurrentVersion\WinBio\Credential Provider", GpoRegistryValue = "Domain Accounts", GpoInComputer = true });

    public static readonly CspNode FacialFeaturesUseEnhancedAntiSpoofing = Node("PassportForWork/Biometrics/FacialFeaturesUseEnhancedAntiSpoofing", "Facial Features Use Enhanced Anti Spoofing", CspDataType.Boolean, @default: "false",
        minOs: "10.0.10586",
        names: new() { SettingsCatalogDeviceId = ScDevice + "biometrics_facialfeaturesuseenhancedantispoofing",
            IdentityProtectionProperty = "enhancedAntiSpoofingForFacialFeaturesEnabled", EnrollmentProperty = "enhancedBiometricsState",
            GpoPolicyName = "Configure enhanced anti-spoofing", GpoRegistryKey = @"SOFTWARE\Policies\Microsoft\Biometrics\FacialFeatures", GpoRegistryValue = "EnhancedAntiSpoofing", GpoInComputer = true });

    public static readonly CspNode EnableEssWithSupportedPeripherals = Node("PassportForWork/Biometrics/EnableESSwithSupportedPeripherals", "Enable ESS with Supported Peripherals", CspDataType.Integer, @default: "1",
        minOs: "10.0.22621", allowed: ValuesFromZero("ESS with peripheral sensors allowed", "ESS, peripheral sensors blocked"),
        // Not mapped from the tenant-wide policy's enhancedSignInSecurity: that Int32's values are not documented, and its
        // default (0) is not this node's 0 ("peripheral sensors allowed"), so reading it here would invent a value.
        names: new() { SettingsCatalogDeviceId = ScDevice + "biometrics_enableesswithsupportedperipherals",
            GpoPolicyName = "Enable ESS with Supported Peripherals" });

    public static readonly CspNode UseSecurityKeyForSignin = Node("PassportForWork/SecurityKey/UseSecurityKeyForSignin", "Use Security Key For Signin", CspDataType.Integer, @default: "0",
        minOs: "10.0.18362", allowed: ValuesFromZero("disabled", "enabled"),
        names: new() { SettingsCatalogDeviceId = ScDevice + "securitykey_usesecuritykeyforsignin",
            IdentityProtectionProperty = "useSecurityKeyForSignin", EnrollmentProperty = "securityKeyForSignIn" });

    public static readonly CspNode DeviceUnlockGroupA = Node("PassportForWork/DeviceUnlock/GroupA", "Device Unlock Group A", CspDataType.String, minOs: "10.0.17134",
        names: new() { GpoPolicyName = "Configure device unlock factors", GpoRegistryKey = GpoKey + @"\DeviceUnlock", GpoRegistryValue = "GroupA", GpoInComputer = true });

    public static readonly CspNode DeviceUnlockGroupB = Node("PassportForWork/DeviceUnlock/GroupB", "Device Unlock Group B", CspDataType.String, minOs: "10.0.17134",
        names: new() { GpoPolicyName = "Configure device unlock factors", GpoRegistryKey = GpoKey + @"\DeviceUnlock", GpoRegistryValue = "GroupB", GpoInComputer = true });

    public static readonly CspNode DeviceUnlockPlugins = Node("PassportForWork/DeviceUnlock/Plugins", "Device Unlock Plugins", CspDataType.String, minOs: "10.0.17134",
        names: new() { GpoPolicyName = "Configure device unlock factors", GpoRegistryKey = GpoKey + @"\DeviceUnlock", GpoRegistryValue = "Plugins", GpoInComputer = true });

    public static readonly CspNode DynamicLock = Node("PassportForWork/DynamicLock/DynamicLock", "Dynamic Lock", CspDataType.Boolean, @default: "false", minOs: "10.0.17134",
        names: new() { GpoPolicyName = "Configure dynamic lock factors", GpoRegistryKey = GpoKey + @"\DynamicLock", GpoRegistryValue = "DynamicLock", GpoInComputer = true });

    public static readonly CspNode DynamicLockPlugins = Node("PassportForWork/DynamicLock/Plugins", "Dynamic Lock Plugins", CspDataType.String, minOs: "10.0.17134",
        names: new() { GpoPolicyName = "Configure dynamic lock factors", GpoRegistryKey = GpoKey + @"\DynamicLock", GpoRegistryValue = "Plugins", GpoInComputer = true });

    public static readonly CspNode LegacyUseBiometrics = Node("PassportForWork/UseBiometrics", "Use Biometrics (deprecated node)", CspDataType.Boolean, @default: "false",
        minOs: "10.0.10586", deprecated: true, replacedBy: UseBiometrics, note: "deprecated: use Biometrics/UseBiometrics");

    /// <summary>Policy CSP Kerberos/CloudKerberosTicketRetrievalEnabled: cloud Kerberos trust needs it on the device.</summary>
    public static readonly CspNode CloudKerberosTicketRetrievalEnabled = Node("Policy/Config/Kerberos/CloudKerberosTicketRetrievalEnabled", "Cloud Kerberos Ticket Retrieval Enabled", CspDataType.Integer, @default: "0",
        // No minimum build: the Kerberos CSP page lists Windows 11 21H2 (10.0.22000), Microsoft's cloud Kerberos trust
        // and Azure Files guidance use the policy on Windows 10 too (docs/rule-facts.md); PL4009 does not judge it.
        allowed: ValuesFromZero("disabled", "enabled"),
        names: new() { SettingsCatalogDeviceId = "device_vendor_msft_policy_config_kerberos_cloudkerberosticketretrievalenabled",
            GpoPolicyName = "Allow retrieving the Azure AD Kerberos Ticket Granting Ticket during logon",
            GpoRegistryKey = @"SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Policies\System\Kerberos\Parameters", GpoRegistryValue = "CloudKerberosTicketRetrievalEnabled", GpoInComputer = true });

    /// <summary>Policy CSP Authentication/ConfigureWebSignInAllowedUrls: federated web sign-in URLs.</summary>
    public static readonly CspNode ConfigureWebSignInAllowedUrls = Node("Policy/Config/Authentication/ConfigureWebSignInAllowedUrls", "Configure Web Sign In Allowed Urls", CspDataType.String,
        minOs: "10.0.17134.2145",
        names: new() { SettingsCatalogDeviceId = "device_vendor_msft_policy_config_authentication_configurewebsigninallowedurls" });

    /// <summary>
    /// Policy CSP ControlPolicyConflict/MDMWinsOverGP: with 1, Intune wins over Group Policy for Policy CSP settings on
    /// the device (not for PassportForWork: reference H3, H14). Kept so profiles carrying it are read.
    /// </summary>
    public static readonly CspNode MdmWinsOverGp = Node("Policy/Config/ControlPolicyConflict/MDMWinsOverGP", "MDM Wins Over GP", CspDataType.Integer, @default: "0",
        minOs: "10.0.17134", allowed: ValuesFromZero("Group Policy applies as usual", "the MDM policy is used and the equivalent Group Policy is blocked"),
        names: new() { SettingsCatalogDeviceId = "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp" });

    public static readonly IReadOnlyList<CspNode> All =
    [
        UsePassportForWork, RequireSecurityDevice, ExcludeTpm12, EnablePinRecovery, UseCertificateForOnPremAuth,
        UseCloudTrustForOnPremAuth, UseHelloCertificatesAsSmartCardCertificates, DisablePostLogonProvisioning,
        EnableWindowsHelloProvisioningForSecurityKeys, DisablePostLogonCredentialCaching, UseRemotePassport,
        MinimumPinLength, MaximumPinLength, Digits, LowercaseLetters, UppercaseLetters, SpecialCharacters, PinHistory,
        PinExpiration, UseBiometrics, FacialFeaturesUseEnhancedAntiSpoofing, EnableEssWithSupportedPeripherals,
        UseSecurityKeyForSignin, DeviceUnlockGroupA, DeviceUnlockGroupB, DeviceUnlockPlugins, DynamicLock,
        DynamicLockPlugins, LegacyUseBiometrics, CloudKerberosTicketRetrievalEnabled, ConfigureWebSignInAllowedUrls,
        MdmWinsOverGp,
    ];

    // Plain dictionaries of reference types: built at start-up, where a frozen dictionary, or one holding tuples, costs
    // more to compile and build than the few lookups it speeds up (docs/performance.md, cold start).
    private static readonly Dictionary<string, CspNode> ById =
        All.ToDictionary(n => n.Id, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, ScopedNode> BySettingsCatalogId = IndexSettingsCatalogIds();

    /// <summary>Node by its canonical id (case-insensitive).</summary>
    public static CspNode? FindById(string id) => ById.GetValueOrDefault(id);

    /// <summary>Node and scope by Settings Catalog settingDefinitionId (case-insensitive).</summary>
    public static (CspNode Node, PolicyScope Scope)? FindBySettingsCatalogId(string settingDefinitionId) =>
        BySettingsCatalogId.TryGetValue(settingDefinitionId, out var hit) ? (hit.Node, hit.Scope) : null;

    /// <summary>Node whose Identity Protection property (or Account Protection intent definitionId suffix) is the given one.</summary>
    public static CspNode? FindByIdentityProtectionProperty(string property) =>
        All.FirstOrDefault(n => string.Equals(n.Names.IdentityProtectionProperty, property, StringComparison.OrdinalIgnoreCase));

    /// <summary>Node mapped from a tenant-wide enrollment policy property.</summary>
    public static CspNode? FindByEnrollmentProperty(string property) =>
        All.FirstOrDefault(n => string.Equals(n.Names.EnrollmentProperty, property, StringComparison.OrdinalIgnoreCase));

    /// <summary>Node written by Group Policy at a registry key and value (key without hive, case-insensitive).</summary>
    public static CspNode? FindByGpoRegistry(string key, string valueName) =>
        All.FirstOrDefault(n => string.Equals(n.Names.GpoRegistryKey, key.Trim('\\'), StringComparison.OrdinalIgnoreCase)
            && string.Equals(n.Names.GpoRegistryValue, valueName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Ids and Settings Catalog ids of every node, for did-you-mean suggestions.</summary>
    public static IEnumerable<string> AllSettingsCatalogIds => BySettingsCatalogId.Keys;

    /// <summary>
    /// The values 0, 1, 2, ... of an enumeration node with their meanings (every such node in the catalogue counts from
    /// 0), so its range is known without enumerating keys at start-up.
    /// </summary>
    private static IReadOnlyDictionary<long, string> ValuesFromZero(params string[] meanings)
    {
        var values = new Dictionary<long, string>(meanings.Length);
        for (var i = 0; i < meanings.Length; i++)
        {
            values[i] = meanings[i];
        }

        return values;
    }

    private static Dictionary<string, ScopedNode> IndexSettingsCatalogIds()
    {
        var index = new Dictionary<string, ScopedNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in All)
        {
            if (node.Names.SettingsCatalogDeviceId is { } device)
            {
                index[device] = new ScopedNode(node, PolicyScope.Device);
            }

            if (node.Names.SettingsCatalogUserId is { } user)
            {
                index[user] = new ScopedNode(node, PolicyScope.User);
            }
        }

        return index;
    }

    private sealed record ScopedNode(CspNode Node, PolicyScope Scope);

    /// <summary>"10.0.19041.4239; 10.0.22621.3374" as versions (one per release); nothing for null or <see cref="Insider"/>.</summary>
    private static Version[] Builds(string? minOs)
    {
        if (minOs is null || minOs == Insider)
        {
            return [];
        }

        var parts = minOs.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var builds = new Version[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            builds[i] = Version.Parse(parts[i]);
        }

        return builds;
    }

    private static CspNode PinClass(string name, string display, string gpoName, string? identityProtection, string? enrollment) =>
        Node(Tid + "PINComplexity/" + name, display, CspDataType.Integer, user: true, @default: name == "SpecialCharacters" ? "2" : "0", hello: HelloDependency.PinComplexity, 
            minOs: "10.0.10586", allowed: PinCharacterUsage, note: "0 allowed, 1 required, 2 not allowed (documented defaults disagree: see the catalogue notes)",
            names: new() { SettingsCatalogDeviceId = ScDeviceTid + "pincomplexity_" + name.ToLowerInvariant(), SettingsCatalogUserId = ScUserTid + "pincomplexity_" + name.ToLowerInvariant(),
                IdentityProtectionProperty = identityProtection, EnrollmentProperty = enrollment,
                GpoPolicyName = gpoName, GpoRegistryKey = GpoPinKey, GpoRegistryValue = name, GpoInComputer = true });

    private static CspNode Node(
        string id,
        string displayName,
        CspDataType type,
        bool user = false,
        long? min = null,
        long? max = null,
        string? @default = null,
        string? minOs = null,
        string? note = null,
        bool deprecated = false,
        IReadOnlyDictionary<long, string>? allowed = null,
        NodeRepresentations? names = null,
        CspNode? replacedBy = null,
        HelloDependency hello = HelloDependency.None) => new()
        {
            Id = id,
            Name = id[(id.LastIndexOf('/') + 1)..],
            DisplayName = displayName,
            DataType = type,
            AllowedInDevice = true,
            AllowedInUser = user,
            Minimum = min ?? (allowed is null ? null : 0),
            Maximum = max ?? (allowed is null ? null : allowed.Count - 1),
            DefaultValue = @default,
            MinimumBuilds = Builds(minOs),
            IsInsiderOnly = minOs == Insider,
            Note = note,
            IsDeprecated = deprecated,
            ReplacedBy = replacedBy,
            HelloDependency = hello,
            AllowedValues = allowed,
            Names = names ?? new NodeRepresentations(),
        };
}

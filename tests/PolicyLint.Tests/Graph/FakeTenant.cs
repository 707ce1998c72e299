using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyLint.Tests.Graph;

/// <summary>
/// The Intune objects of a made-up tenant in the shapes Graph beta returns them (written for these tests, after the
/// documented resource types): Settings Catalog policies with their settings, custom OMA-URI and Identity Protection
/// profiles, intents with settings, the tenant-wide WHfB enrollment configuration, assignment filters and groups.
/// </summary>
public sealed class FakeTenant
{
    public const string TenantId = "9b6e7c1a-2f4d-4c8e-a1b3-5d7f9e0c2b4a";
    public const string PilotDevices = "7c1d2e3f-0000-4000-8000-00000000a001";
    public const string PilotUsers = "3f1c2a4e-7b5d-4e8f-9a1b-2c3d4e5f6a71";
    public const string KioskDevices = "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4da4";
    public const string DeletedGroup = "d0d0d0d0-0000-4000-8000-00000000dead";
    public const string FilterId = "e7f8a9b0-c1d2-4e3f-a4b5-c6d7e8f9a0b5";

    /// <summary>What Graph sends for an encrypted OMA-URI value, and what no export or output may contain.</summary>
    public const string PinRecoveryCiphertext = "MIIBsQYJKoZIhvcNAQcDoIIBojCCAZ4CAQAxggFJMIIBRQIBADAtMBkxFzAVBgNVBAMTDkludHVuZU1ETUFnZW50";
    public const string WifiCiphertext = "MIIC2wYJKoZIhvcNAQcDoIICzDCCAsgCAQAxggFbMIIBVwIBADA/MCsxKTAnBgNVBAMTIE1pY3Jvc29mdCBJbnR1";

    /// <summary>The plain text Graph would reveal for the Wi-Fi row: never asked for, so it must appear nowhere.</summary>
    public const string WifiPlainText = "<WLANProfile><keyMaterial>Tr0ub4dor-and-3</keyMaterial></WLANProfile>";

    public const string PinRecoverySecretId = "4c2e8a1b-6d3f-4b5a-9e7c-0a1b2c3d4e5f";
    public const string WifiSecretId = "8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f2a1b";

    /// <summary>Graph writes non-ASCII text as UTF-8, not as \u escapes.</summary>
    public static readonly JsonSerializerOptions GraphLikeJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int PageSize { get; set; } = 2;

    public List<JsonObject> ConfigurationPolicies { get; } = [];

    public Dictionary<string, List<JsonObject>> PolicySettings { get; } = [];

    public List<JsonObject> DeviceConfigurations { get; } = [];

    public List<JsonObject> Intents { get; } = [];

    public Dictionary<string, List<JsonObject>> IntentSettings { get; } = [];

    public Dictionary<string, List<JsonObject>> IntentAssignments { get; } = [];

    public List<JsonObject> EnrollmentConfigurations { get; } = [];

    public List<JsonObject> AssignmentFilters { get; } = [];

    public Dictionary<string, JsonObject> Groups { get; } = [];

    /// <summary>secretReferenceValueId to the plain text getOmaSettingPlainTextValue returns.</summary>
    public Dictionary<string, string> PlainTexts { get; } = [];

    /// <summary>
    /// Contoso: cloud Kerberos trust (Settings Catalog) and a leftover certificate-trust OMA-URI profile on the same
    /// pilot devices (PL3001), a PIN recovery row Intune encrypted, the deprecated Identity Protection profile (PL1001),
    /// an Account protection (Preview) intent (PL1005), the tenant-wide WHfB policy enabled (PL1004); and objects that
    /// are not about WHfB, which the pull leaves out.
    /// </summary>
    public static FakeTenant Contoso()
    {
        var tenant = new FakeTenant();
        tenant.AddGroup(PilotDevices, "WHfB Pilot Devices");
        tenant.AddGroup(PilotUsers, "WHfB Pilot Users");
        tenant.AddGroup(KioskDevices, "Kiosk Devices");
        tenant.AssignmentFilters.Add(Parse($$"""
            {"createdDateTime":"2024-02-06T10:11:12.1234567Z","lastModifiedDateTime":"2024-02-06T10:11:12.1234567Z","displayName":"Corporate laptops","description":"","platform":"windows10AndLater","rule":"(device.deviceOwnership -eq \"Corporate\")","roleScopeTags":["0"],"payloads":[],"assignmentFilterManagementType":"devices","id":"{{FilterId}}"}
            """));

        tenant.AddSettingsCatalogPolicy("3f6a2c1e-8b4d-4e7a-9c5f-1a2b3c4d5e01", "WHfB - Cloud Kerberos Trust", "Hybrid pilot in Zürich: cloud Kerberos trust for on-premises SSO.",
            [
                ChoiceSetting("0", "device_vendor_msft_policy_config_kerberos_cloudkerberosticketretrievalenabled", "device_vendor_msft_policy_config_kerberos_cloudkerberosticketretrievalenabled_1"),
                PassportForWorkGroup("1",
                    ChoiceChild("device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork", "true"),
                    ChoiceChild("device_vendor_msft_passportforwork_{tenantid}_policies_usecloudtrustforonpremauth", "true"),
                    IntegerChild("device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_minimumpinlength", 6)),
            ],
            GroupTarget(PilotDevices, FilterId, "include"));
        tenant.AddSettingsCatalogPolicy("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "Edge - Home page", "Not about Windows Hello for Business.",
            [ChoiceSetting("0", "device_vendor_msft_policy_config_microsoft_edgev92~policy~microsoft_edge_homepageisnewtabpage", "device_vendor_msft_policy_config_microsoft_edgev92~policy~microsoft_edge_homepageisnewtabpage_1")],
            GroupTarget(PilotDevices));
        tenant.AddSettingsCatalogPolicy("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "MDM wins over GP", "Only ControlPolicyConflict: kept, because it decides who wins against Group Policy.",
            [ChoiceSetting("0", "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp", "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp_1")],
            AllDevicesTarget());

        tenant.DeviceConfigurations.Add(CustomProfile("5d2b7e90-1c3a-4f6b-8e2d-9a0b1c2d3e02", "WHfB - Certificate Trust (legacy)",
            [OmaRow("#microsoft.graph.omaSettingBoolean", "Use certificate for on-premises authentication", $"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCertificateForOnPremAuth", JsonValue.Create(true))],
            GroupTarget(PilotDevices)));
        tenant.DeviceConfigurations.Add(CustomProfile("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "WHfB - PIN Recovery and Wi-Fi",
            [
                OmaRow("#microsoft.graph.omaSettingString", "PIN recovery", $"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/EnablePinRecovery", JsonValue.Create(PinRecoveryCiphertext), PinRecoverySecretId),
                OmaRow("#microsoft.graph.omaSettingString", "Corporate Wi-Fi", "./Vendor/MSFT/WiFi/Profile/Contoso-Corp/WlanXml", JsonValue.Create(WifiCiphertext), WifiSecretId),
            ],
            GroupTarget(PilotUsers)));
        tenant.PlainTexts[PinRecoverySecretId] = "true";
        tenant.PlainTexts[WifiSecretId] = WifiPlainText;
        tenant.DeviceConfigurations.Add(Parse($$"""
            {"@odata.type":"#microsoft.graph.windowsIdentityProtectionConfiguration","id":"6e1d7c2b-4a3f-4b8e-9c0d-1e2f3a4b5c6d","lastModifiedDateTime":"2023-11-08T09:14:52.631Z","roleScopeTagIds":["0"],"supportsScopeTags":true,"deviceManagementApplicabilityRuleOsEdition":null,"deviceManagementApplicabilityRuleOsVersion":null,"deviceManagementApplicabilityRuleDeviceMode":null,"createdDateTime":"2021-03-02T16:40:11.209Z","description":"Original WHfB rollout (2021).","displayName":"WHfB - Identity Protection (legacy)","version":4,"useSecurityKeyForSignin":false,"enhancedAntiSpoofingForFacialFeaturesEnabled":true,"pinMinimumLength":6,"pinMaximumLength":127,"pinUppercaseCharactersUsage":"blocked","pinLowercaseCharactersUsage":"blocked","pinSpecialCharactersUsage":"notConfigured","pinExpirationInDays":null,"pinPreviousBlockCount":5,"pinRecoveryEnabled":true,"securityDeviceRequired":true,"unlockWithBiometricsEnabled":true,"useCertificatesForOnPremisesAuthEnabled":false,"windowsHelloForBusinessBlocked":false,
             "assignments":[{{Assignment("6e1d7c2b-4a3f-4b8e-9c0d-1e2f3a4b5c6d", GroupTarget(PilotUsers))}},{{Assignment("6e1d7c2b-4a3f-4b8e-9c0d-1e2f3a4b5c6d", ExclusionTarget(KioskDevices))}}]}
            """));
        tenant.DeviceConfigurations.Add(Parse($$"""
            {"@odata.type":"#microsoft.graph.windows10GeneralConfiguration","id":"c0ffee00-1111-4222-8333-444455556666","displayName":"Device restrictions","description":"","version":2,"passwordRequired":true,"passwordMinimumLength":8,"assignments":[{{Assignment("c0ffee00-1111-4222-8333-444455556666", AllDevicesTarget())}}]}
            """));

        tenant.AddIntent("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70", "WHfB - Account protection (Preview)", "0f2b5d70-d4e9-4156-8c16-1397eb6c54a5",
            [
                IntentSetting("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70", "1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a51", "Boolean", "windowsHelloForBusinessBlocked", "false"),
                IntentSetting("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70", "1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a52", "Integer", "pinMinimumLength", "8"),
                IntentSetting("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70", "1a2b3c4d-0003-4e5f-8a9b-0c1d2e3f4a53", "String", "pinLowercaseCharactersUsage", "\"allowed\""),
            ],
            GroupTarget(PilotUsers));
        tenant.AddIntent("e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a81", "Defender for Endpoint baseline", "2209e067-9c8c-462e-9981-5a8c79165dcc",
            [new JsonObject { ["@odata.type"] = "#microsoft.graph.deviceManagementBooleanSettingInstance", ["id"] = "2b3c4d5e-0001-4f6a-8b7c-9d0e1f2a3b41", ["definitionId"] = "deviceConfiguration--windows10EndpointProtectionConfiguration_defenderCloudBlockLevel", ["valueJson"] = "\"high\"", ["value"] = "high" }],
            AllDevicesTarget());

        tenant.EnrollmentConfigurations.Add(Parse($$"""
            {"@odata.type":"#microsoft.graph.deviceEnrollmentLimitConfiguration","id":"{{TenantId}}_DefaultLimit","displayName":"All users and all devices","description":"Default device limit","priority":0,"createdDateTime":"2019-05-14T08:01:44.1234567Z","lastModifiedDateTime":"2019-05-14T08:01:44.1234567Z","version":1,"roleScopeTagIds":["0"],"deviceEnrollmentConfigurationType":"limit","limit":15,
             "assignments":[{{Assignment(TenantId + "_DefaultLimit", AllUsersTarget())}}]}
            """));
        tenant.EnrollmentConfigurations.Add(Parse($$"""
            {"@odata.type":"#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration","id":"{{TenantId}}_DefaultWindowsHelloForBusiness","displayName":"All users and all devices","description":"This is the default Windows Hello for Business configuration applied with the lowest priority to all users regardless of group membership.","priority":0,"createdDateTime":"2019-05-14T08:01:44.1234567Z","lastModifiedDateTime":"2022-02-21T13:37:09.555Z","version":3,"roleScopeTagIds":["0"],"deviceEnrollmentConfigurationType":"windowsHelloForBusiness","pinMinimumLength":6,"pinMaximumLength":127,"pinUppercaseCharactersUsage":"disallowed","pinLowercaseCharactersUsage":"disallowed","pinSpecialCharactersUsage":"disallowed","state":"enabled","securityDeviceRequired":true,"unlockWithBiometricsEnabled":true,"remotePassportEnabled":false,"pinPreviousBlockCount":0,"pinExpirationInDays":0,"enhancedBiometricsState":"notConfigured","securityKeyForSignIn":"notConfigured","enhancedSignInSecurity":0,
             "assignments":[{{Assignment(TenantId + "_DefaultWindowsHelloForBusiness", AllDevicesTarget())}}]}
            """));
        return tenant;
    }

    /// <summary><paramref name="count"/> Settings Catalog policies with WHfB settings, for the memory test and the measurement.</summary>
    public static FakeTenant Large(int count, int pageSize)
    {
        var tenant = new FakeTenant { PageSize = pageSize };
        tenant.AddGroup(PilotDevices, "WHfB Pilot Devices");
        for (var i = 0; i < count; i++)
        {
            var id = $"00000000-0000-4000-8000-{i:D12}";
            tenant.AddSettingsCatalogPolicy(id, $"WHfB - PIN policy {i:D4}", "Generated for the 2,000-object pull.",
                [PassportForWorkGroup("0",
                    ChoiceChild("device_vendor_msft_passportforwork_{tenantid}_policies_usepassportforwork", "true"),
                    IntegerChild("device_vendor_msft_passportforwork_{tenantid}_policies_pincomplexity_minimumpinlength", 6 + (i % 4)))],
                GroupTarget(PilotDevices));
        }

        return tenant;
    }

    public void AddGroup(string id, string name) => Groups[id] = Parse($$"""
        {"id":"{{id}}","deletedDateTime":null,"classification":null,"createdDateTime":"2021-01-12T09:00:00Z","description":null,"displayName":"{{name}}","groupTypes":[],"mailEnabled":false,"mailNickname":"{{name.Replace(" ", string.Empty, StringComparison.Ordinal)}}","securityEnabled":true}
        """);

    public void AddSettingsCatalogPolicy(string id, string name, string description, IEnumerable<JsonObject> settings, params JsonObject[] targets)
    {
        var list = settings.ToList();
        ConfigurationPolicies.Add(Parse($$"""
            {"createdDateTime":"2024-03-01T08:00:00.1234567Z","creationSource":null,"description":{{JsonSerializer.Serialize(description, GraphLikeJson)}},"lastModifiedDateTime":"2025-06-17T14:22:31.7654321Z","name":{{JsonSerializer.Serialize(name, GraphLikeJson)}},"platforms":"windows10","priorityMetaData":null,"roleScopeTagIds":["0"],"settingCount":{{list.Count}},"technologies":"mdm","id":"{{id}}",
             "templateReference":{"templateId":"","templateFamily":"none","templateDisplayName":null,"templateDisplayVersion":null},
             "assignments@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies('{{id}}')/assignments",
             "assignments":[{{string.Join(',', targets.Select(t => Assignment(id, t)))}}]}
            """));
        PolicySettings[id] = list;
    }

    public void AddIntent(string id, string name, string templateId, IEnumerable<JsonObject> settings, params JsonObject[] targets)
    {
        Intents.Add(Parse($$"""
            {"id":"{{id}}","displayName":{{JsonSerializer.Serialize(name, GraphLikeJson)}},"description":"","isAssigned":true,"isMigratingToConfigurationPolicy":false,"lastModifiedDateTime":"2023-04-11T12:30:00Z","templateId":"{{templateId}}","roleScopeTagIds":["0"]}
            """));
        IntentSettings[id] = [.. settings];
        IntentAssignments[id] = [.. targets.Select(t => Parse($$"""{"id":"{{id}}_{{(string?)t["groupId"] ?? "all"}}","target":{{t.ToJsonString()}}}"""))];
    }

    public static JsonObject CustomProfile(string id, string name, IEnumerable<JsonObject> rows, params JsonObject[] targets)
    {
        var profile = Parse($$"""
            {"@odata.type":"#microsoft.graph.windows10CustomConfiguration","id":"{{id}}","lastModifiedDateTime":"2022-09-30T11:00:00Z","roleScopeTagIds":["0"],"supportsScopeTags":true,"deviceManagementApplicabilityRuleOsEdition":null,"deviceManagementApplicabilityRuleOsVersion":null,"deviceManagementApplicabilityRuleDeviceMode":null,"createdDateTime":"2021-05-04T10:00:00Z","description":null,"displayName":{{JsonSerializer.Serialize(name, GraphLikeJson)}},"version":3}
            """);
        profile["omaSettings"] = new JsonArray([.. rows]);
        profile["assignments"] = new JsonArray([.. targets.Select(t => (JsonNode)Parse(Assignment(id, t)))]);
        return profile;
    }

    public static JsonObject OmaRow(string type, string displayName, string uri, JsonValue value, string? secretId = null) => new()
    {
        ["@odata.type"] = type,
        ["displayName"] = displayName,
        ["description"] = null,
        ["omaUri"] = uri,
        ["secretReferenceValueId"] = secretId,
        ["isEncrypted"] = secretId is not null,
        ["value"] = value,
    };

    public static JsonObject ChoiceSetting(string id, string definitionId, string value) => Parse($$$"""
        {"id":"{{{id}}}","settingInstance":{"@odata.type":"#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance","settingDefinitionId":"{{{definitionId}}}","settingInstanceTemplateReference":null,"choiceSettingValue":{"settingValueTemplateReference":null,"value":"{{{value}}}","children":[]} } }
        """);

    public static JsonObject PassportForWorkGroup(string id, params JsonObject[] children)
    {
        var setting = Parse($$$"""
            {"id":"{{{id}}}","settingInstance":{"@odata.type":"#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance","settingDefinitionId":"device_vendor_msft_passportforwork_{tenantid}","settingInstanceTemplateReference":null,"groupSettingCollectionValue":[{"settingValueTemplateReference":null,"children":[]}]}}
            """);
        var list = setting["settingInstance"]!["groupSettingCollectionValue"]![0]!["children"]!.AsArray();
        foreach (var child in children)
        {
            list.Add(child);
        }

        return setting;
    }

    public static JsonObject ChoiceChild(string definitionId, string choice) => Parse($$$"""
        {"@odata.type":"#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance","settingDefinitionId":"{{{definitionId}}}","settingInstanceTemplateReference":null,"choiceSettingValue":{"settingValueTemplateReference":null,"value":"{{{definitionId}}}_{{{choice}}}","children":[]}}
        """);

    public static JsonObject IntegerChild(string definitionId, int value) => Parse($$$"""
        {"@odata.type":"#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance","settingDefinitionId":"{{{definitionId}}}","settingInstanceTemplateReference":null,"simpleSettingValue":{"@odata.type":"#microsoft.graph.deviceManagementConfigurationIntegerSettingValue","settingValueTemplateReference":null,"value":{{{value}}}}}
        """);

    public static JsonObject IntentSetting(string intentId, string id, string kind, string property, string valueJson) => new()
    {
        ["@odata.type"] = $"#microsoft.graph.deviceManagement{kind}SettingInstance",
        ["@odata.id"] = $"deviceManagement/intents('{intentId}')/settings('{id}')",
        ["id"] = id,
        ["definitionId"] = "deviceConfiguration--windowsIdentityProtectionConfiguration_" + property,
        ["valueJson"] = valueJson,
        ["value"] = JsonNode.Parse(valueJson),
    };

    public static JsonObject GroupTarget(string groupId, string? filterId = null, string filterType = "none") => Parse($$"""
        {"@odata.type":"#microsoft.graph.groupAssignmentTarget","deviceAndAppManagementAssignmentFilterId":{{(filterId is null ? "null" : $"\"{filterId}\"")}},"deviceAndAppManagementAssignmentFilterType":"{{filterType}}","groupId":"{{groupId}}"}
        """);

    public static JsonObject ExclusionTarget(string groupId) => Parse($$"""
        {"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget","deviceAndAppManagementAssignmentFilterId":null,"deviceAndAppManagementAssignmentFilterType":"none","groupId":"{{groupId}}"}
        """);

    public static JsonObject AllDevicesTarget() => Parse("""
        {"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget","deviceAndAppManagementAssignmentFilterId":null,"deviceAndAppManagementAssignmentFilterType":"none"}
        """);

    public static JsonObject AllUsersTarget() => Parse("""
        {"@odata.type":"#microsoft.graph.allLicensedUsersAssignmentTarget","deviceAndAppManagementAssignmentFilterId":null,"deviceAndAppManagementAssignmentFilterType":"none"}
        """);

    private static string Assignment(string sourceId, JsonObject target) =>
        $$"""{"id":"{{sourceId}}_{{(string?)target["groupId"] ?? "all"}}","source":"direct","sourceId":"{{sourceId}}","target":{{target.ToJsonString()}}}""";

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}

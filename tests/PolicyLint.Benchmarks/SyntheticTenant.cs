using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace PolicyLint.Benchmarks;

#pragma warning disable CA5394 // A seeded Random on purpose: the same seed gives the same tenant on every run.

/// <summary>
/// The one synthetic tenant export every benchmark and docs/performance.md use: <c>profiles</c> Intune profiles as
/// Graph returns them (indented, as IntuneManagement and Graph list calls write them), about 50 KB each on average
/// (2,000 profiles are about 100 MB), plus the tenant's group list, IntuneManagement's migration table, the assignment
/// filters and the enrollment configurations.
/// <list type="bullet">
/// <item>One profile in ten is Windows Hello for Business: Settings Catalog profiles with the PassportForWork group
/// (some on the Account Protection template, some with Kerberos cloud trust), custom OMA-URI profiles with
/// PassportForWork rows, deprecated Identity Protection profiles and Account Protection intents. Their values follow
/// one tenant standard, with a few deviations (as in a tenant that has drifted), so some rules fire.</item>
/// <item>The other nine are unrelated: Settings Catalog profiles (Defender Antivirus, BitLocker, firewall, attack
/// surface reduction, Edge, OneDrive, update, device lock, security baselines), legacy device restriction,
/// endpoint protection and update ring profiles, compliance policies and custom OMA-URI profiles for other CSPs.
/// A few carry ControlPolicyConflict/MDMWinsOverGP; a few Edge profiles carry JSON text in a string value.</item>
/// <item>Assignments are spread over as many groups as there are profiles, skewed as in a real tenant (a few groups
/// such as "all Windows devices" are targeted by many profiles, most by one or two), with exclusions, all-devices and
/// all-users targets, and assignment filters. WHfB profiles target the groups they were made for (see
/// <c>WhfbTargets</c>), so the number of conflicts grows with the tenant, not with its square.</item>
/// </list>
/// Everything is drawn from one seeded <see cref="Random"/>: the same seed and count give the same bytes.
/// </summary>
public static class SyntheticTenant
{
    public const int DefaultSeed = 42;

    /// <summary>The mean size a profile aims at; Settings Catalog profiles vary around it, others are as large as their kind is.</summary>
    public const int MeanProfileBytes = 50 * 1024;

    /// <summary>Settings Catalog profiles aim a little above the mean: update rings and compliance policies are small.</summary>
    private const int SettingsCatalogMeanBytes = 61 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>The whole export in memory (relative path with '/', bytes), in a stable order.</summary>
    public static List<(string Name, byte[] Bytes)> Generate(int profiles, int seed = DefaultSeed) => [.. Files(profiles, seed)];

    /// <summary>The export file by file, made as enumerated (a 20,000-profile tenant is never held in memory at once).</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Files(int profiles, int seed = DefaultSeed)
    {
        var tenant = new Tenant(profiles, seed);
        for (var i = 0; i < profiles; i++)
        {
            yield return tenant.Profile(i);
        }

        foreach (var file in tenant.Directory())
        {
            yield return file;
        }
    }

    /// <summary>Writes the export below <paramref name="folder"/>; returns the number of files and bytes written.</summary>
    public static (int Files, long Bytes) WriteTo(string folder, int profiles, int seed = DefaultSeed)
    {
        var count = 0;
        long bytes = 0;
        foreach (var (name, content) in Files(profiles, seed))
        {
            var path = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            count++;
            bytes += content.Length;
        }

        return (count, bytes);
    }

    /// <summary>One generated tenant: its random source, ids, groups and filters.</summary>
    private sealed class Tenant
    {
        private const string GraphBeta = "https://graph.microsoft.com/beta/$metadata#deviceManagement/";

        private readonly Random _random;
        private readonly int _profiles;
        private readonly string _tenantId;
        private readonly string[] _groupIds;
        private readonly string[] _filterIds;
        private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
        private readonly WhfbStandard _standard;
        private int _whfbToAllDevices;

        public Tenant(int profiles, int seed)
        {
            _random = new Random(seed);
            _profiles = profiles;
            _tenantId = NewGuid();
            // As many groups as profiles: a real tenant has hundreds to thousands of groups, not a pool of forty.
            _groupIds = [.. Enumerable.Range(0, Math.Max(64, profiles)).Select(_ => NewGuid())];
            _filterIds = [.. Enumerable.Range(0, 24).Select(_ => NewGuid())];
            _standard = new WhfbStandard(
                MinimumPinLength: 6,
                MaximumPinLength: 127,
                History: 5,
                Expiration: 0,
                CloudTrust: true);
        }

        public (string Name, byte[] Bytes) Profile(int index)
        {
            // Ten in a hundred are WHfB, spread evenly through the export (as folder order mixes kinds).
            var slot = index % 100;
            return slot switch
            {
                3 or 13 or 33 or 53 or 73 or 93 => WhfbSettingsCatalog(index),
                23 or 63 => WhfbCustomOma(index),
                43 => IdentityProtection(index),
                83 => AccountProtectionIntent(index),
                _ => Unrelated(index),
            };
        }

        /// <summary>The files that are not profiles: groups (Graph list pages), migration table, filters, enrollment configurations.</summary>
        public IEnumerable<(string Name, byte[] Bytes)> Directory()
        {
            const int PageSize = 100;
            for (var page = 0; page * PageSize < _groupIds.Length; page++)
            {
                var first = page * PageSize;
                var last = Math.Min(_groupIds.Length, first + PageSize);
                var hasNext = last < _groupIds.Length;
                yield return ($"groups/groups-page-{page + 1:D3}.json", Write(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#groups");
                    if (hasNext)
                    {
                        json.WriteString("@odata.nextLink", $"https://graph.microsoft.com/v1.0/groups?$skiptoken=RFNwdAIAAQAAA{page:D4}");
                    }

                    json.WriteStartArray("value");
                    for (var g = first; g < last; g++)
                    {
                        Group(json, g);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }));
            }

            yield return ("MigrationTable.json", Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("TenantId", _tenantId);
                json.WriteString("Organization", "Contoso Ltd");
                json.WriteStartArray("Objects");
                for (var g = 0; g < _groupIds.Length; g += 3)
                {
                    json.WriteStartObject();
                    json.WriteString("Id", _groupIds[g]);
                    json.WriteString("DisplayName", GroupName(g));
                    json.WriteString("Type", "#microsoft.graph.group");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }));

            yield return ("assignmentFilters/assignmentFilters.json", Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("@odata.context", "https://graph.microsoft.com/beta/$metadata#deviceManagement/assignmentFilters");
                json.WriteStartArray("value");
                for (var f = 0; f < _filterIds.Length; f++)
                {
                    json.WriteStartObject();
                    json.WriteString("@odata.type", "#microsoft.graph.deviceAndAppManagementAssignmentFilter");
                    json.WriteString("id", _filterIds[f]);
                    json.WriteString("createdDateTime", Timestamp());
                    json.WriteString("lastModifiedDateTime", Timestamp());
                    json.WriteString("displayName", $"FLT-Win-{Pick(FilterSubjects)}-{f:D2}");
                    json.WriteString("description", "Devices by model and join type, for staged rollout.");
                    json.WriteString("platform", "windows10AndLater");
                    json.WriteString("rule", $"(device.deviceModel -startsWith \"{Pick(Models)}\") and (device.deviceTrustType -eq \"{Pick(JoinTypes)}\")");
                    json.WriteString("assignmentFilterManagementType", "devices");
                    WriteStringArray(json, "roleScopeTags", ["0"]);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }));

            yield return ("deviceEnrollmentConfigurations/deviceEnrollmentConfigurations.json", Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("@odata.context", GraphBeta + "deviceEnrollmentConfigurations(assignments())");
                json.WriteStartArray("value");
                EnrollmentConfiguration(json, "deviceEnrollmentLimitConfiguration", "limit", "DefaultLimit", j => j.WriteNumber("limit", 15));
                EnrollmentConfiguration(json, "deviceEnrollmentPlatformRestrictionsConfiguration", "platformRestrictions", "DefaultPlatformRestrictions", j =>
                {
                    foreach (var platform in new[] { "iosRestriction", "windowsRestriction", "windowsMobileRestriction", "androidRestriction", "macOSRestriction" })
                    {
                        j.WriteStartObject(platform);
                        j.WriteBoolean("platformBlocked", platform == "windowsMobileRestriction");
                        j.WriteBoolean("personalDeviceEnrollmentBlocked", false);
                        j.WriteNull("osMinimumVersion");
                        j.WriteNull("osMaximumVersion");
                        WriteStringArray(j, "blockedManufacturers", []);
                        j.WriteEndObject();
                    }
                });
                EnrollmentConfiguration(json, "windows10EnrollmentCompletionPageConfiguration", "windows10EnrollmentCompletionPageConfiguration", "DefaultWindows10EnrollmentCompletionPageConfiguration", j =>
                {
                    j.WriteBoolean("showInstallationProgress", true);
                    j.WriteNumber("installProgressTimeoutInMinutes", 60);
                    j.WriteString("customErrorMessage", "Setup could not be completed. Please try again or contact your support person for help.");
                });
                EnrollmentConfiguration(json, "deviceEnrollmentWindowsHelloForBusinessConfiguration", "windowsHelloForBusiness", "DefaultWindowsHelloForBusiness", j =>
                {
                    // The recommended setup: tenant-wide policy disabled, WHfB configured by targeted profiles.
                    j.WriteNumber("pinMinimumLength", 6);
                    j.WriteNumber("pinMaximumLength", 127);
                    j.WriteString("pinUppercaseCharactersUsage", "disallowed");
                    j.WriteString("pinLowercaseCharactersUsage", "disallowed");
                    j.WriteString("pinSpecialCharactersUsage", "disallowed");
                    j.WriteString("state", "disabled");
                    j.WriteBoolean("securityDeviceRequired", false);
                    j.WriteBoolean("unlockWithBiometricsEnabled", true);
                    j.WriteBoolean("remotePassportEnabled", true);
                    j.WriteNumber("pinPreviousBlockCount", 0);
                    j.WriteNumber("pinExpirationInDays", 0);
                    j.WriteString("enhancedBiometricsState", "notConfigured");
                    j.WriteString("securityKeyForSignIn", "notConfigured");
                    j.WriteNumber("enhancedSignInSecurity", 0);
                });
                json.WriteEndArray();
                json.WriteEndObject();
            }));
        }

        // ---- WHfB profiles ---------------------------------------------------------------------------------------

        private (string, byte[]) WhfbSettingsCatalog(int index)
        {
            var accountProtection = index % 3 == 0;
            var name = accountProtection
                ? $"WIN - ES - Account Protection - WHfB - {Pick(Rings)} {index}"
                : $"WIN - SC - Windows Hello for Business - {Pick(Rings)} {index}";
            var userScope = !accountProtection && index % 7 == 0;
            var bytes = Write(json =>
            {
                ConfigurationPolicyHeader(json, name, "Windows Hello for Business as the security team configured it.",
                    accountProtection ? ("endpointSecurityAccountProtection", "Account Protection", "fcef01f2-439d-4c3f-9184-823fd6e97646_1") : ("none", null, ""));
                json.WriteStartArray("settings");
                var id = 0;
                PassportForWorkGroup(json, id++, userScope);
                if (!accountProtection && index % 2 == 1)
                {
                    // Cloud Kerberos trust needs the Kerberos ticket retrieval policy on the device as well.
                    ChoiceSetting(json, id++, "device_vendor_msft_policy_config_kerberos_cloudkerberosticketretrievalenabled", "1");
                }

                // Most of a real WHfB profile's bytes are other settings (device lock, credential guard, baselines).
                var target = ProfileSize();
                while (json.BytesPending + json.BytesCommitted < target)
                {
                    UnrelatedSetting(json, id++, Pick(UnrelatedAreas));
                }

                json.WriteEndArray();
                Assignments(json, index, whfb: true);
                json.WriteEndObject();
            });
            return ($"configurationPolicies/{FileName(name)}.json", bytes);
        }

        private void PassportForWorkGroup(Utf8JsonWriter json, int id, bool userScope)
        {
            var root = userScope ? "user_vendor_msft_passportforwork_{tenantid}" : "device_vendor_msft_passportforwork_{tenantid}";
            var prefix = root + "_policies_";
            json.WriteStartObject();
            json.WriteString("id", Number(id));
            json.WriteStartObject("settingInstance");
            json.WriteString("@odata.type", "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance");
            json.WriteString("settingDefinitionId", root);
            json.WriteNull("settingInstanceTemplateReference");
            json.WriteStartArray("groupSettingCollectionValue");
            json.WriteStartObject();
            json.WriteNull("settingValueTemplateReference");
            json.WriteStartArray("children");
            ChoiceChild(json, prefix + "usepassportforwork", "true");
            if (_random.Next(3) > 0)
            {
                ChoiceChild(json, prefix + "requiresecuritydevice", Drift("true", "false"));
            }

            if (!userScope && _random.Next(2) == 0)
            {
                ChoiceChild(json, prefix + "usecloudtrustforonpremauth", _standard.CloudTrust ? "true" : "false");
            }

            if (_random.Next(2) == 0)
            {
                ChoiceChild(json, prefix + "enablepinrecovery", Drift("true", "false"));
            }

            SimpleIntegerChild(json, prefix + "pincomplexity_minimumpinlength", Drift(_standard.MinimumPinLength, 8));
            SimpleIntegerChild(json, prefix + "pincomplexity_maximumpinlength", _standard.MaximumPinLength);
            if (_random.Next(2) == 0)
            {
                ChoiceChild(json, prefix + "pincomplexity_digits", "0");
                ChoiceChild(json, prefix + "pincomplexity_lowercaseletters", Drift("2", "0"));
                ChoiceChild(json, prefix + "pincomplexity_uppercaseletters", Drift("2", "0"));
                ChoiceChild(json, prefix + "pincomplexity_specialcharacters", "2");
            }

            SimpleIntegerChild(json, prefix + "pincomplexity_history", Drift(_standard.History, 10));
            SimpleIntegerChild(json, prefix + "pincomplexity_expiration", _standard.Expiration);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private (string, byte[]) WhfbCustomOma(int index)
        {
            var name = $"WIN - OMA - Windows Hello for Business - {Pick(Rings)} {index}";
            // A few copy the documentation's placeholder instead of the tenant id (PL4001 fires on those).
            var tenantSegment = _random.Next(20) == 0 ? "{TenantId}" : _tenantId;
            var bytes = Write(json =>
            {
                DeviceConfigurationHeader(json, "windows10CustomConfiguration", name);
                json.WriteStartArray("omaSettings");
                OmaRow(json, "Use Windows Hello for Business", $"./Device/Vendor/MSFT/PassportForWork/{tenantSegment}/Policies/UsePassportForWork", true);
                OmaRow(json, "Require security device", $"./Device/Vendor/MSFT/PassportForWork/{tenantSegment}/Policies/RequireSecurityDevice", _random.Next(8) > 0);
                OmaRow(json, "Minimum PIN length", $"./Device/Vendor/MSFT/PassportForWork/{tenantSegment}/Policies/PINComplexity/MinimumPINLength", Drift(_standard.MinimumPinLength, 4));
                OmaRow(json, "Use biometrics", "./Device/Vendor/MSFT/PassportForWork/Biometrics/UseBiometrics", true);
                // The rest of the profile sets other CSPs, as custom profiles usually bundle several things.
                var target = ProfileSize() / 2;
                var row = 0;
                while (json.BytesPending + json.BytesCommitted < target)
                {
                    var (area, setting) = Pick(UnrelatedOmaRows);
                    OmaRow(json, $"{setting} ({row++})", $"./Device/Vendor/MSFT/Policy/Config/{area}/{setting}", _random.Next(3));
                }

                json.WriteEndArray();
                Assignments(json, index, whfb: true);
                json.WriteEndObject();
            });
            return ($"deviceConfigurations/{FileName(name)}.json", bytes);
        }

        private (string, byte[]) IdentityProtection(int index)
        {
            var name = $"WIN - Identity Protection (legacy) - {Pick(Rings)} {index}";
            var bytes = Write(json =>
            {
                DeviceConfigurationHeader(json, "windowsIdentityProtectionConfiguration", name);
                json.WriteBoolean("useSecurityKeyForSignin", false);
                json.WriteBoolean("enhancedAntiSpoofingForFacialFeaturesEnabled", true);
                json.WriteNumber("pinMinimumLength", Drift(_standard.MinimumPinLength, 4));
                json.WriteNumber("pinMaximumLength", _standard.MaximumPinLength);
                json.WriteString("pinUppercaseCharactersUsage", "blocked");
                json.WriteString("pinLowercaseCharactersUsage", "blocked");
                json.WriteString("pinSpecialCharactersUsage", "notConfigured");
                json.WriteNull("pinExpirationInDays");
                json.WriteNumber("pinPreviousBlockCount", _standard.History);
                json.WriteBoolean("pinRecoveryEnabled", true);
                json.WriteBoolean("securityDeviceRequired", true);
                json.WriteBoolean("unlockWithBiometricsEnabled", true);
                json.WriteBoolean("useCertificatesForOnPremisesAuthEnabled", false);
                json.WriteBoolean("windowsHelloForBusinessBlocked", false);
                Assignments(json, index, whfb: true);
                json.WriteEndObject();
            });
            return ($"deviceConfigurations/{FileName(name)}.json", bytes);
        }

        private (string, byte[]) AccountProtectionIntent(int index)
        {
            var name = $"WIN - Account protection (Preview) - {Pick(Rings)} {index}";
            var intentId = NewGuid();
            var bytes = Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("@odata.context", GraphBeta + "intents(settings(),assignments())/$entity");
                json.WriteString("@odata.type", "#microsoft.graph.deviceManagementIntent");
                json.WriteString("id", intentId);
                json.WriteString("displayName", name);
                json.WriteString("description", "Created before Account Protection moved to the Settings Catalog.");
                json.WriteBoolean("isAssigned", true);
                json.WriteBoolean("isMigratingToConfigurationPolicy", false);
                json.WriteString("lastModifiedDateTime", Timestamp());
                json.WriteString("templateId", "0f2b5d70-d4e9-4156-8c16-1397eb6c54a5");
                WriteStringArray(json, "roleScopeTagIds", ["0"]);
                json.WriteStartArray("settings");
                IntentSetting(json, intentId, "windowsHelloForBusinessBlocked", "false", "deviceManagementBooleanSettingInstance");
                IntentSetting(json, intentId, "pinMinimumLength", Number(Drift(_standard.MinimumPinLength, 4)), "deviceManagementIntegerSettingInstance");
                IntentSetting(json, intentId, "pinMaximumLength", Number(_standard.MaximumPinLength), "deviceManagementIntegerSettingInstance");
                IntentSetting(json, intentId, "pinPreviousBlockCount", Number(_standard.History), "deviceManagementIntegerSettingInstance");
                IntentSetting(json, intentId, "securityDeviceRequired", "true", "deviceManagementBooleanSettingInstance");
                IntentSetting(json, intentId, "unlockWithBiometricsEnabled", "true", "deviceManagementBooleanSettingInstance");
                IntentSetting(json, intentId, "useSecurityKeyForSignin", "false", "deviceManagementBooleanSettingInstance");
                // Intents of this template also hold Credential Guard and LSA settings, most of the bytes.
                var target = ProfileSize() / 3;
                var k = 0;
                while (json.BytesPending + json.BytesCommitted < target)
                {
                    IntentSetting(json, intentId, null, _random.Next(2) == 0 ? "true" : "\"notConfigured\"", "deviceManagementBooleanSettingInstance", $"deviceGuard_setting{k++}");
                }

                json.WriteEndArray();
                Assignments(json, index, whfb: true);
                json.WriteEndObject();
            });
            return ($"intents/{FileName(name)}.json", bytes);
        }

        private void IntentSetting(Utf8JsonWriter json, string intentId, string? property, string valueJson, string type, string? otherDefinition = null)
        {
            var settingId = NewGuid();
            var definitionId = property is null
                ? "deviceConfiguration--windows10EndpointProtectionConfiguration_" + otherDefinition
                : "deviceConfiguration--windowsIdentityProtectionConfiguration_" + property;
            json.WriteStartObject();
            json.WriteString("@odata.type", "#microsoft.graph." + type);
            json.WriteString("@odata.id", $"deviceManagement/intents('{intentId}')/settings('{settingId}')");
            json.WriteString("id", settingId);
            json.WriteString("definitionId", definitionId);
            json.WriteString("valueJson", valueJson);
            json.WriteEndObject();
        }

        // ---- unrelated profiles ----------------------------------------------------------------------------------

        private (string, byte[]) Unrelated(int index)
        {
            var kind = _random.Next(100);
            return kind switch
            {
                < 62 => UnrelatedSettingsCatalog(index),
                < 74 => DeviceRestrictions(index),
                < 82 => EndpointProtection(index),
                < 88 => UpdateRing(index),
                < 95 => CompliancePolicy(index),
                _ => UnrelatedCustomOma(index),
            };
        }

        private (string, byte[]) UnrelatedSettingsCatalog(int index)
        {
            var area = Pick(UnrelatedAreas);
            var name = $"WIN - {area.Family switch { "none" => "SC", "baseline" => "BL", _ => "ES" }} - {area.Title} - {Pick(Rings)} {index}";
            var bytes = Write(json =>
            {
                ConfigurationPolicyHeader(json, name, $"{area.Title}: settings agreed with the {Pick(Teams)} team.",
                    (area.Family, area.Family == "none" ? null : area.Title, area.Family == "none" ? "" : NewGuid() + "_1"));
                json.WriteStartArray("settings");
                var id = 0;
                if (_random.Next(50) == 0)
                {
                    // Some tenants move Group Policy conflicts to MDM with this Policy CSP setting.
                    ChoiceSetting(json, id++, "device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp", "1");
                }

                if (area.Title == "Microsoft Edge" && _random.Next(4) == 0)
                {
                    // Edge's ExtensionSettings policy is JSON text in a string value.
                    SimpleStringSetting(json, id++, "device_vendor_msft_policy_config_microsoft_edgev92~policy~microsoft_edge~extensions_extensionsettings_extensionsettings",
                        """{"*":{"installation_mode":"blocked"},"odfafepnkmbhccpbejgmiehpchacaeak":{"installation_mode":"force_installed","update_url":"https://edge.microsoft.com/extensionwebstorebase/v1/crx"}}""");
                }

                var target = ProfileSize();
                while (json.BytesPending + json.BytesCommitted < target)
                {
                    UnrelatedSetting(json, id++, area);
                }

                json.WriteEndArray();
                Assignments(json, index, whfb: false);
                json.WriteEndObject();
            });
            return ($"configurationPolicies/{FileName(name)}.json", bytes);
        }

        private (string, byte[]) DeviceRestrictions(int index)
        {
            var name = $"WIN - Device Restrictions - {Pick(Rings)} {index}";
            return ($"deviceConfigurations/{FileName(name)}.json", LegacyConfiguration("windows10GeneralConfiguration", name, index, RestrictionProperties, 3));
        }

        private (string, byte[]) EndpointProtection(int index)
        {
            var name = $"WIN - Endpoint Protection (BitLocker, Firewall) - {Pick(Rings)} {index}";
            return ($"deviceConfigurations/{FileName(name)}.json", LegacyConfiguration("windows10EndpointProtectionConfiguration", name, index, ProtectionProperties, 5));
        }

        private (string, byte[]) UpdateRing(int index)
        {
            var name = $"WIN - Update Ring - {Pick(Rings)} {index}";
            return ($"deviceConfigurations/{FileName(name)}.json", LegacyConfiguration("windowsUpdateForBusinessConfiguration", name, index, UpdateProperties, 1));
        }

        private byte[] LegacyConfiguration(string type, string name, int index, string[] vocabulary, int repeat) => Write(json =>
        {
            DeviceConfigurationHeader(json, type, name);
            for (var r = 0; r < repeat; r++)
            {
                foreach (var property in vocabulary)
                {
                    var key = r == 0 ? property : property + "V" + Number(r + 1);
                    LegacyProperty(json, key);
                }
            }

            Assignments(json, index, whfb: false);
            json.WriteEndObject();
        });

        private void LegacyProperty(Utf8JsonWriter json, string key)
        {
            if (key.EndsWith("Blocked", StringComparison.Ordinal) || key.EndsWith("Enabled", StringComparison.Ordinal) || key.EndsWith("Required", StringComparison.Ordinal))
            {
                json.WriteBoolean(key, _random.Next(3) == 0);
            }
            else if (key.EndsWith("Days", StringComparison.Ordinal) || key.EndsWith("Minutes", StringComparison.Ordinal) || key.EndsWith("Length", StringComparison.Ordinal) || key.EndsWith("Count", StringComparison.Ordinal))
            {
                if (_random.Next(4) == 0)
                {
                    json.WriteNull(key);
                }
                else
                {
                    json.WriteNumber(key, _random.Next(0, 90));
                }
            }
            else if (key.EndsWith("List", StringComparison.Ordinal) || key.EndsWith("Urls", StringComparison.Ordinal) || key.EndsWith("Paths", StringComparison.Ordinal))
            {
                json.WriteStartArray(key);
                for (var i = _random.Next(4); i > 0; i--)
                {
                    json.WriteStringValue(key.EndsWith("Urls", StringComparison.Ordinal)
                        ? $"https://{Pick(Teams).ToLowerInvariant()}.contoso.com/{Pick(Models).ToLowerInvariant().Replace(' ', '-')}"
                        : $"C:\\Program Files\\{Pick(Teams)} Tools\\{Pick(Models)}\\bin");
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteString(key, _random.Next(3) switch { 0 => "notConfigured", 1 => "enabled", _ => "userDefined" });
            }
        }

        private (string, byte[]) CompliancePolicy(int index)
        {
            var name = $"WIN - Compliance - {Pick(Rings)} {index}";
            var bytes = Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("@odata.context", GraphBeta + "deviceCompliancePolicies(assignments(),scheduledActionsForRule(scheduledActionConfigurations()))/$entity");
                json.WriteString("@odata.type", "#microsoft.graph.windows10CompliancePolicy");
                json.WriteString("id", NewGuid());
                json.WriteString("createdDateTime", Timestamp());
                json.WriteString("description", "Minimum device health for Conditional Access.");
                json.WriteString("lastModifiedDateTime", Timestamp());
                json.WriteString("displayName", name);
                json.WriteNumber("version", _random.Next(1, 9));
                WriteStringArray(json, "roleScopeTagIds", ["0"]);
                foreach (var property in ComplianceProperties)
                {
                    LegacyProperty(json, property);
                }

                json.WriteStartArray("scheduledActionsForRule");
                json.WriteStartObject();
                json.WriteString("ruleName", "PasswordRequired");
                json.WriteStartArray("scheduledActionConfigurations");
                foreach (var action in new[] { "block", "notification", "retire" })
                {
                    json.WriteStartObject();
                    json.WriteString("id", NewGuid());
                    json.WriteNumber("gracePeriodHours", action == "block" ? 0 : 72);
                    json.WriteString("actionType", action);
                    json.WriteString("notificationTemplateId", action == "notification" ? NewGuid() : "00000000-0000-0000-0000-000000000000");
                    WriteStringArray(json, "notificationMessageCCList", []);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                Assignments(json, index, whfb: false);
                json.WriteEndObject();
            });
            return ($"deviceCompliancePolicies/{FileName(name)}.json", bytes);
        }

        private (string, byte[]) UnrelatedCustomOma(int index)
        {
            var name = $"WIN - OMA - {Pick(UnrelatedOmaRows).Area} tweaks - {Pick(Rings)} {index}";
            var bytes = Write(json =>
            {
                DeviceConfigurationHeader(json, "windows10CustomConfiguration", name);
                json.WriteStartArray("omaSettings");
                var target = ProfileSize() / 3;
                var row = 0;
                while (json.BytesPending + json.BytesCommitted < target)
                {
                    var (area, setting) = Pick(UnrelatedOmaRows);
                    OmaRow(json, $"{setting} ({row++})", $"./Device/Vendor/MSFT/Policy/Config/{area}/{setting}", _random.Next(3));
                }

                json.WriteEndArray();
                Assignments(json, index, whfb: false);
                json.WriteEndObject();
            });
            return ($"deviceConfigurations/{FileName(name)}.json", bytes);
        }

        // ---- building blocks -------------------------------------------------------------------------------------

        private void ConfigurationPolicyHeader(Utf8JsonWriter json, string name, string description, (string Family, string? TemplateName, string TemplateId) template)
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", GraphBeta + "configurationPolicies(settings(),assignments())/$entity");
            json.WriteString("createdDateTime", Timestamp());
            json.WriteNull("creationSource");
            json.WriteString("description", description);
            json.WriteString("lastModifiedDateTime", Timestamp());
            json.WriteString("name", name);
            json.WriteString("platforms", "windows10");
            json.WriteNull("priorityMetaData");
            WriteStringArray(json, "roleScopeTagIds", ["0"]);
            json.WriteNumber("settingCount", _random.Next(5, 300));
            json.WriteString("technologies", template.Family == "endpointSecurityAntivirus" ? "mdm,microsoftSense" : "mdm");
            json.WriteString("id", NewGuid());
            json.WriteStartObject("templateReference");
            json.WriteString("templateId", template.TemplateId);
            json.WriteString("templateFamily", template.Family);
            if (template.TemplateName is null)
            {
                json.WriteNull("templateDisplayName");
                json.WriteNull("templateDisplayVersion");
            }
            else
            {
                json.WriteString("templateDisplayName", template.TemplateName);
                json.WriteString("templateDisplayVersion", "Version 1");
            }

            json.WriteEndObject();
        }

        private void DeviceConfigurationHeader(Utf8JsonWriter json, string type, string name)
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", GraphBeta + "deviceConfigurations(assignments())/$entity");
            json.WriteString("@odata.type", "#microsoft.graph." + type);
            json.WriteString("id", NewGuid());
            json.WriteString("lastModifiedDateTime", Timestamp());
            WriteStringArray(json, "roleScopeTagIds", ["0"]);
            json.WriteBoolean("supportsScopeTags", true);
            json.WriteNull("deviceManagementApplicabilityRuleOsEdition");
            json.WriteNull("deviceManagementApplicabilityRuleOsVersion");
            json.WriteNull("deviceManagementApplicabilityRuleDeviceMode");
            json.WriteString("createdDateTime", Timestamp());
            json.WriteString("description", $"Owned by the {Pick(Teams)} team; don't change without a change request.");
            json.WriteString("displayName", name);
            json.WriteNumber("version", _random.Next(1, 30));
        }

        private void UnrelatedSetting(Utf8JsonWriter json, int id, Area area)
        {
            var setting = area.Prefix + Pick(area.Settings) + (_random.Next(3) == 0 ? "_" + Pick(Suffixes) : string.Empty);
            switch (_random.Next(10))
            {
                case < 6:
                    ChoiceSetting(json, id, setting, Number(_random.Next(3)));
                    break;
                case < 8:
                    SimpleIntegerSetting(json, id, setting, _random.Next(0, 3600));
                    break;
                case 8:
                    SimpleStringSetting(json, id, setting, $"https://{Pick(Teams).ToLowerInvariant()}.contoso.com/policy/{_random.Next(1000)}");
                    break;
                default:
                    GroupSetting(json, id, setting);
                    break;
            }
        }

        private void SettingStart(Utf8JsonWriter json, int id, string type, string definitionId)
        {
            json.WriteStartObject();
            json.WriteString("id", Number(id));
            json.WriteStartObject("settingInstance");
            json.WriteString("@odata.type", "#microsoft.graph.deviceManagementConfiguration" + type);
            json.WriteString("settingDefinitionId", definitionId);
            if (_random.Next(2) == 0)
            {
                json.WriteNull("settingInstanceTemplateReference");
            }
            else
            {
                json.WriteStartObject("settingInstanceTemplateReference");
                json.WriteString("settingInstanceTemplateId", NewGuid());
                json.WriteEndObject();
            }
        }

        private static void SettingEnd(Utf8JsonWriter json)
        {
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private void ChoiceSetting(Utf8JsonWriter json, int id, string definitionId, string value)
        {
            SettingStart(json, id, "ChoiceSettingInstance", definitionId);
            ChoiceValue(json, definitionId, value);
            SettingEnd(json);
        }

        private void ChoiceValue(Utf8JsonWriter json, string definitionId, string value)
        {
            json.WriteStartObject("choiceSettingValue");
            json.WriteNull("settingValueTemplateReference");
            json.WriteString("value", definitionId + "_" + value);
            json.WriteStartArray("children");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private void SimpleIntegerSetting(Utf8JsonWriter json, int id, string definitionId, int value)
        {
            SettingStart(json, id, "SimpleSettingInstance", definitionId);
            json.WriteStartObject("simpleSettingValue");
            json.WriteString("@odata.type", "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue");
            json.WriteNull("settingValueTemplateReference");
            json.WriteNumber("value", value);
            json.WriteEndObject();
            SettingEnd(json);
        }

        private void SimpleStringSetting(Utf8JsonWriter json, int id, string definitionId, string value)
        {
            SettingStart(json, id, "SimpleSettingInstance", definitionId);
            json.WriteStartObject("simpleSettingValue");
            json.WriteString("@odata.type", "#microsoft.graph.deviceManagementConfigurationStringSettingValue");
            json.WriteNull("settingValueTemplateReference");
            json.WriteString("value", value);
            json.WriteEndObject();
            SettingEnd(json);
        }

        private void GroupSetting(Utf8JsonWriter json, int id, string definitionId)
        {
            SettingStart(json, id, "GroupSettingCollectionInstance", definitionId);
            json.WriteStartArray("groupSettingCollectionValue");
            for (var g = _random.Next(1, 3); g > 0; g--)
            {
                json.WriteStartObject();
                json.WriteNull("settingValueTemplateReference");
                json.WriteStartArray("children");
                for (var c = _random.Next(2, 5); c > 0; c--)
                {
                    ChoiceChild(json, definitionId + "_" + Pick(Suffixes), Number(_random.Next(2)));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            SettingEnd(json);
        }

        private void ChoiceChild(Utf8JsonWriter json, string definitionId, string value)
        {
            json.WriteStartObject();
            json.WriteString("@odata.type", "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance");
            json.WriteString("settingDefinitionId", definitionId);
            json.WriteNull("settingInstanceTemplateReference");
            ChoiceValue(json, definitionId, value);
            json.WriteEndObject();
        }

        private static void SimpleIntegerChild(Utf8JsonWriter json, string definitionId, int value)
        {
            json.WriteStartObject();
            json.WriteString("@odata.type", "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance");
            json.WriteString("settingDefinitionId", definitionId);
            json.WriteNull("settingInstanceTemplateReference");
            json.WriteStartObject("simpleSettingValue");
            json.WriteString("@odata.type", "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue");
            json.WriteNull("settingValueTemplateReference");
            json.WriteNumber("value", value);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private void OmaRow(Utf8JsonWriter json, string displayName, string omaUri, object value)
        {
            json.WriteStartObject();
            json.WriteString("@odata.type", value switch { bool => "#microsoft.graph.omaSettingBoolean", int => "#microsoft.graph.omaSettingInteger", _ => "#microsoft.graph.omaSettingString" });
            json.WriteString("displayName", displayName);
            json.WriteString("description", _random.Next(3) == 0 ? null : $"Requested in change {_random.Next(10000, 99999)}.");
            json.WriteString("omaUri", omaUri);
            json.WriteNull("secretReferenceValueId");
            json.WriteBoolean("isEncrypted", false);
            switch (value)
            {
                case bool b:
                    json.WriteBoolean("value", b);
                    break;
                case int n:
                    json.WriteNumber("value", n);
                    break;
                default:
                    json.WriteString("value", value.ToString());
                    break;
            }

            json.WriteEndObject();
        }

        private void Assignments(Utf8JsonWriter json, int index, bool whfb)
        {
            json.WriteStartArray("assignments");
            if (whfb)
            {
                WhfbTargets(json);
            }
            else
            {
                var roll = _random.Next(100);
                if (roll < 6)
                {
                    Target(json, "allDevicesAssignmentTarget", null, filter: _random.Next(3) == 0);
                }
                else if (roll < 9)
                {
                    Target(json, "allLicensedUsersAssignmentTarget", null, filter: false);
                }
                else if (roll < 97)
                {
                    for (var i = _random.Next(1, 4); i > 0; i--)
                    {
                        Target(json, "groupAssignmentTarget", SkewedGroup(), filter: _random.Next(6) == 0);
                    }
                }

                // Else unassigned: created, never deployed.
            }

            for (var i = _random.Next(-1, 3); i > 0; i--)
            {
                Target(json, "exclusionGroupAssignmentTarget", SkewedGroup(), filter: false);
            }

            json.WriteEndArray();
        }

        /// <summary>
        /// WHfB profiles go to the rings and departments they were made for: groups of their own (any of the tenant's
        /// groups, evenly), now and then a broad group, and only the first two to all devices. So overlaps, and the
        /// conflicts the rules report, grow with the number of profiles, not with its square.
        /// </summary>
        private void WhfbTargets(Utf8JsonWriter json)
        {
            if (_whfbToAllDevices < 2)
            {
                _whfbToAllDevices++;
                Target(json, "allDevicesAssignmentTarget", null, filter: true);
                return;
            }

            for (var i = _random.Next(1, 3); i > 0; i--)
            {
                var group = _random.Next(50) == 0 ? SkewedGroup() : _groupIds[_random.Next(_groupIds.Length)];
                Target(json, "groupAssignmentTarget", group, filter: _random.Next(6) == 0);
            }
        }

        /// <summary>Skewed: a few groups are targeted by many profiles, most by one or two.</summary>
        private string SkewedGroup()
        {
            var u = _random.NextDouble();
            return _groupIds[(int)(u * u * u * _groupIds.Length)];
        }

        private void Target(Utf8JsonWriter json, string type, string? groupId, bool filter)
        {
            json.WriteStartObject();
            json.WriteString("id", NewGuid() + "_" + (groupId ?? "all"));
            json.WriteString("source", "direct");
            json.WriteString("sourceId", NewGuid());
            json.WriteStartObject("target");
            json.WriteString("@odata.type", "#microsoft.graph." + type);
            if (filter)
            {
                json.WriteString("deviceAndAppManagementAssignmentFilterId", Pick(_filterIds));
                json.WriteString("deviceAndAppManagementAssignmentFilterType", _random.Next(2) == 0 ? "include" : "exclude");
            }
            else
            {
                json.WriteNull("deviceAndAppManagementAssignmentFilterId");
                json.WriteString("deviceAndAppManagementAssignmentFilterType", "none");
            }

            if (groupId is not null)
            {
                json.WriteString("groupId", groupId);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        private void Group(Utf8JsonWriter json, int index)
        {
            var dynamic = index % 3 != 0;
            json.WriteStartObject();
            json.WriteString("id", _groupIds[index]);
            json.WriteNull("deletedDateTime");
            json.WriteNull("classification");
            json.WriteString("createdDateTime", Timestamp());
            WriteStringArray(json, "creationOptions", []);
            json.WriteString("description", dynamic ? "Dynamic device group maintained by the endpoint team." : "Assigned group; owners approve membership.");
            json.WriteString("displayName", GroupName(index));
            json.WriteNull("expirationDateTime");
            WriteStringArray(json, "groupTypes", dynamic ? ["DynamicMembership"] : []);
            json.WriteNull("isAssignableToRole");
            json.WriteNull("mail");
            json.WriteBoolean("mailEnabled", false);
            json.WriteString("mailNickname", GroupName(index).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
            if (dynamic)
            {
                json.WriteString("membershipRule", $"(device.deviceOSType -eq \"Windows\") and (device.deviceModel -startsWith \"{Pick(Models)}\") and (device.extensionAttribute{_random.Next(1, 15)} -eq \"{Pick(Teams)}\")");
                json.WriteString("membershipRuleProcessingState", "On");
            }
            else
            {
                json.WriteNull("membershipRule");
                json.WriteNull("membershipRuleProcessingState");
            }

            json.WriteNull("onPremisesLastSyncDateTime");
            json.WriteNull("onPremisesSecurityIdentifier");
            json.WriteNull("onPremisesSyncEnabled");
            json.WriteNull("preferredDataLocation");
            WriteStringArray(json, "proxyAddresses", []);
            json.WriteString("renewedDateTime", Timestamp());
            WriteStringArray(json, "resourceBehaviorOptions", []);
            WriteStringArray(json, "resourceProvisioningOptions", []);
            json.WriteBoolean("securityEnabled", true);
            json.WriteString("securityIdentifier", $"S-1-12-1-{_random.Next():D}-{_random.Next():D}-{_random.Next():D}-{_random.Next():D}");
            json.WriteNull("theme");
            json.WriteNull("visibility");
            json.WriteEndObject();
        }

        private string GroupName(int index) => index switch
        {
            0 => "SG-Intune-All Windows Devices",
            1 => "SG-Intune-Windows Autopilot Devices",
            2 => "SG-Intune-All Staff",
            _ => $"SG-Intune-{Teams[index % Teams.Length]}-{Models[index / Teams.Length % Models.Length]}-{index:D5}",
        };

        private void EnrollmentConfiguration(Utf8JsonWriter json, string type, string configurationType, string idSuffix, Action<Utf8JsonWriter> properties)
        {
            var id = _tenantId + "_" + idSuffix;
            json.WriteStartObject();
            json.WriteString("@odata.type", "#microsoft.graph." + type);
            json.WriteString("id", id);
            json.WriteString("displayName", "All users and all devices");
            json.WriteString("description", "This is the default configuration applied with the lowest priority to all users regardless of group membership.");
            json.WriteNumber("priority", 0);
            json.WriteString("createdDateTime", Timestamp());
            json.WriteString("lastModifiedDateTime", Timestamp());
            json.WriteNumber("version", _random.Next(1, 5));
            WriteStringArray(json, "roleScopeTagIds", ["0"]);
            json.WriteString("deviceEnrollmentConfigurationType", configurationType);
            properties(json);
            json.WriteStartArray("assignments");
            json.WriteStartObject();
            json.WriteString("id", id + "_AllLicensedUsers");
            json.WriteString("source", "direct");
            json.WriteString("sourceId", id);
            json.WriteStartObject("target");
            json.WriteString("@odata.type", "#microsoft.graph.allLicensedUsersAssignmentTarget");
            json.WriteNull("deviceAndAppManagementAssignmentFilterId");
            json.WriteString("deviceAndAppManagementAssignmentFilterType", "none");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        // ---- randomness ------------------------------------------------------------------------------------------

        /// <summary>Profile sizes vary as in a real tenant (log-normal): small WHfB profiles, large baselines.</summary>
        private int ProfileSize()
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
            // exp(sigma * n) has mean exp(sigma^2 / 2); divide it out so the mean stays at MeanProfileBytes.
            const double Sigma = 0.7;
            return (int)Math.Clamp(SettingsCatalogMeanBytes * Math.Exp(Sigma * normal - Sigma * Sigma / 2), 4 * 1024, 400 * 1024);
        }

        /// <summary>The tenant standard, or (one time in sixteen) the deviation a drifted profile carries.</summary>
        private T Drift<T>(T standard, T deviation) => _random.Next(16) == 0 ? deviation : standard;

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private string NewGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            _random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes).ToString();
        }

        private string Timestamp() =>
            new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_random.Next(0, 4 * 365 * 24 * 3600)).AddTicks(_random.Next(10_000_000))
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        private byte[] Write(Action<Utf8JsonWriter> write)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer, WriterOptions))
            {
                write(json);
            }

            return _buffer.WrittenSpan.ToArray();
        }

        private static void WriteStringArray(Utf8JsonWriter json, string name, string[] values)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string FileName(string name) => name.Replace('/', '-');
    }

    private sealed record WhfbStandard(int MinimumPinLength, int MaximumPinLength, int History, int Expiration, bool CloudTrust);

    /// <summary>A family of Settings Catalog settings: the template it belongs to, its id prefix and setting names.</summary>
    private sealed record Area(string Title, string Family, string Prefix, string[] Settings);

    private static readonly string[] Rings = ["Pilot", "Ring 1", "Ring 2", "Broad", "Kiosk", "Shared PCs", "Executives", "Developers", "Frontline"];

    private static readonly string[] Teams = ["Finance", "HR", "Engineering", "Sales", "Legal", "Support", "Research", "Operations", "Marketing", "Security"];

    private static readonly string[] Models = ["Surface Laptop", "Surface Pro", "Latitude 7440", "EliteBook 840", "ThinkPad T14", "OptiPlex 7010", "ProDesk 600", "Precision 5680"];

    private static readonly string[] JoinTypes = ["Azure AD joined", "Hybrid Azure AD joined"];

    private static readonly string[] FilterSubjects = ["Surface", "Corporate", "Kiosk", "VDI", "Autopilot", "Hybrid"];

    private static readonly string[] Suffixes = ["enabled", "mode", "level", "list", "action", "options", "timeout", "scope", "textbox", "dropdown"];

    private static readonly Area[] UnrelatedAreas =
    [
        new("Microsoft Defender Antivirus", "endpointSecurityAntivirus", "device_vendor_msft_policy_config_defender_",
        [
            "allowarchivescanning", "allowbehaviormonitoring", "allowcloudprotection", "allowemailscanning", "allowfullscanonmappednetworkdrives",
            "allowfullscanremovabledrivescanning", "allowintrusionpreventionsystem", "allowioavprotection", "allowrealtimemonitoring",
            "allowscanningnetworkfiles", "allowscriptscanning", "allowuseruiaccess", "avgcpuloadfactor", "checkforsignaturesbeforerunningscan",
            "cloudblocklevel", "cloudextendedtimeout", "daystoretaincleanedmalware", "disablecatchupfullscan", "disablecatchupquickscan",
            "enablelowcpupriority", "enablenetworkprotection", "puaprotection", "realtimescandirection", "scanparameter",
            "schedulequickscantime", "schedulescanday", "schedulescantime", "signatureupdatefallbackorder", "signatureupdateinterval", "submitsamplesconsent",
        ]),
        new("Attack Surface Reduction Rules", "endpointSecurityAttackSurfaceReduction", "device_vendor_msft_policy_config_defender_attacksurfacereductionrules_",
        [
            "blockexecutionofpotentiallyobfuscatedscripts", "blockwin32apicallsfromofficemacros", "blockexecutablefilesrunningunlesstheymeetprevalenceagetrustedlistcriterion",
            "blockofficecommunicationappfromcreatingchildprocesses", "blockallofficeapplicationsfromcreatingchildprocesses", "blockadobereaderfromcreatingchildprocesses",
            "blockcredentialstealingfromwindowslocalsecurityauthoritysubsystem", "blockjavascriptorvbscriptfromlaunchingdownloadedexecutablecontent",
            "blockuntrustedunsignedprocessesthatrunfromusb", "blockpersistencethroughwmieventsubscription", "blockuseofcopiedorimpersonatedsystemtools",
            "blockabuseofexploitedvulnerablesigneddrivers", "blockprocesscreationsfrompsexecandwmicommands", "blockofficeapplicationsfromcreatingexecutablecontent",
            "blockofficeapplicationsfrominjectingcodeintootherprocesses", "blockexecutablecontentfromemailclientandwebmail", "userandvancedprotectionagainstransomware",
        ]),
        new("BitLocker", "endpointSecurityDiskEncryption", "device_vendor_msft_bitlocker_",
        [
            "requiredeviceencryption", "allowwarningforotherdiskencryption", "allowstandarduserencryption", "configurerecoverypasswordrotation",
            "encryptionmethodbydrivetype", "systemdrivesrequirestartupauthentication", "systemdrivesminimumpinlength", "systemdrivesrecoveryoptions",
            "systemdrivesrecoverymessage", "fixeddrivesrecoveryoptions", "fixeddrivesrequireencryption", "removabledrivesrequireencryption",
            "identificationfield", "systemdrivesenhancedpin", "systemdrivesdisallowstandarduserscanchangepin", "systemdrivesencryptiontype",
        ]),
        new("Windows Firewall", "endpointSecurityFirewall", "vendor_msft_firewall_mdmstore_",
        [
            "domainprofile_enablefirewall", "domainprofile_defaultinboundaction", "domainprofile_defaultoutboundaction", "domainprofile_enablelogdroppedpackets",
            "privateprofile_enablefirewall", "privateprofile_defaultinboundaction", "privateprofile_allowlocalpolicymerge", "privateprofile_logmaxfilesize",
            "publicprofile_enablefirewall", "publicprofile_defaultinboundaction", "publicprofile_disableinboundnotifications", "publicprofile_shielded",
            "global_crlcheck", "global_disablestatefulftp", "global_enablepacketqueue", "global_presharedkeyencoding",
        ]),
        new("Microsoft Edge", "none", "device_vendor_msft_policy_config_microsoft_edge~policy~microsoft_edge_",
        [
            "smartscreenenabled", "smartscreenpuaenabled", "preventsmartscreenpromptoverride", "passwordmanagerenabled", "sitepermissionsmanagement",
            "homepagelocation", "restoreonstartup", "defaultsearchproviderenabled", "syncdisabled", "browsersignin", "edgecollectionsenabled",
            "sleepingtabsenabled", "startupboostenabled", "hidefirstrunexperience", "trackingprevention", "typosquattingcheckerenabled",
        ]),
        new("OneDrive", "none", "device_vendor_msft_policy_config_onedrivengscv2~policy~onedrivengsc_",
        [
            "kfmsilentoptin", "kfmblockoptout", "silentaccountconfig", "filesondemandenabled", "dehydratesyncedteamsites", "disablepersonalsync",
            "forcedlocalmassdeletedetection", "automountteamsites", "blockexternalsync", "enableallocsiclients",
        ]),
        new("Windows Update", "none", "device_vendor_msft_policy_config_update_",
        [
            "activehoursstart", "activehoursend", "allowautoupdate", "deferfeatureupdatesperiodindays", "deferqualityupdatesperiodindays",
            "configuredeadlineforfeatureupdates", "configuredeadlineforqualityupdates", "configuredeadlinegraceperiod", "configuredeadlinenoautoreboot",
            "managepreviewbuilds", "pausefeatureupdates", "pausequalityupdates", "scheduledinstallday", "scheduledinstalltime", "updatenotificationlevel",
        ]),
        new("Device Lock", "none", "device_vendor_msft_policy_config_devicelock_",
        [
            "devicepasswordenabled", "devicepasswordexpiration", "devicepasswordhistory", "maxdevicepasswordfailedattempts", "maxinactivitytimedevicelock",
            "mindevicepasswordcomplexcharacters", "mindevicepasswordlength", "minimumpasswordage", "preventlockscreenslideshow", "alphanumericdevicepasswordrequired",
        ]),
        new("Security Baseline for Windows", "baseline", "device_vendor_msft_policy_config_",
        [
            "localpoliciessecurityoptions_interactivelogon_machineinactivitylimit", "localpoliciessecurityoptions_networksecurity_lanmanagerauthenticationlevel",
            "localpoliciessecurityoptions_useraccountcontrol_behavioroftheelevationpromptforadministrators", "remotedesktopservices_donotallowpasswordsaving",
            "deviceguard_lsacfgflags", "deviceguard_enablevirtualizationbasedsecurity", "credentialsui_disablepasswordreveal", "dataprotection_allowdirectmemoryaccess",
            "mssecurityguide_smbv1clientdriver", "mssecurityguide_wdigestauthentication", "mslegacy_ipv6sourceroutingprotectionlevel", "power_standbytimeoutpluggedin",
            "windowslogon_allowautomaticrestartsignon", "autoplay_disallowautoplayfornonvolumedevices", "experience_allowwindowsspotlight", "privacy_letappsaccesscamera",
        ]),
    ];

    private static readonly (string Area, string Setting)[] UnrelatedOmaRows =
    [
        ("Start", "HideSleep"), ("Start", "HideHibernate"), ("Start", "ConfigureStartPins"), ("Experience", "AllowCortana"), ("Experience", "DoNotShowFeedbackNotifications"),
        ("Privacy", "LetAppsAccessLocation"), ("Privacy", "DisableAdvertisingId"), ("Defender", "AllowNetworkProtectionOnWinServer"), ("Browser", "AllowSmartScreen"),
        ("Connectivity", "AllowBluetooth"), ("Power", "HibernateTimeoutPluggedIn"), ("TimeLanguageSettings", "ConfigureTimeZone"), ("Notifications", "DisallowTileNotification"),
        ("WindowsLogon", "HideFastUserSwitching"), ("Storage", "AllowStorageSenseGlobal"), ("LocalPoliciesSecurityOptions", "Accounts_LimitLocalAccountUseOfBlankPasswordsToConsoleLogonOnly"),
    ];

    private static readonly string[] RestrictionProperties = Vocabulary(
        ["defender", "edge", "smartScreen", "windowsSpotlight", "bluetooth", "cellular", "cortana", "settingsApp", "lockScreen", "startMenu", "privacy", "networkProxy", "wirelessDisplay", "appStore", "search", "experience", "storage", "camera", "usb", "accounts"],
        ["Blocked", "Enabled", "BlockedList", "AllowedUrls", "Mode", "TimeoutInMinutes", "MinimumLength", "ExpirationDays", "Required", "Configuration"]);

    private static readonly string[] ProtectionProperties = Vocabulary(
        ["bitLockerSystemDrive", "bitLockerFixedDrive", "bitLockerRemovableDrive", "firewallProfileDomain", "firewallProfilePrivate", "firewallProfilePublic", "defenderExploitProtection", "defenderAttackSurface", "applicationGuard", "deviceGuard", "smartScreenApp", "localSecurityOptions", "xboxServices", "userRights", "defenderSecurityCenter", "windowsDefenderApplicationControl"],
        ["Blocked", "Enabled", "ExclusionList", "AllowedPaths", "Mode", "RecoveryOptions", "MinimumLength", "RotationDays", "Required", "EncryptionMethod", "NotificationMode", "InboundConnectionsBlocked", "OutboundConnectionsBlocked"]);

    private static readonly string[] UpdateProperties = Vocabulary(
        ["qualityUpdates", "featureUpdates", "driverUpdates", "microsoftUpdateService", "deliveryOptimization", "businessReadyUpdates", "autoRestartNotification", "engagedRestart", "userPause", "userWindowsUpdateScan", "scheduleRestartWarning", "deadline"],
        ["Blocked", "Enabled", "DeferralPeriodInDays", "PauseExpiryDays", "Mode", "SnoozeDurationInDays", "GracePeriodInDays", "RestartCount", "Required"]);

    private static readonly string[] ComplianceProperties = Vocabulary(
        ["password", "osMinimum", "osMaximum", "mobileOsMinimum", "bitLocker", "secureBoot", "codeIntegrity", "storage", "activeFirewall", "defender", "antiSpyware", "rtp", "deviceThreatProtection", "configurationManagerCompliance", "tpm", "signatureOutOfDate"],
        ["Required", "Enabled", "MinimumLength", "ExpirationDays", "MinutesOfInactivityBeforeLockCount", "PreviousPasswordBlockCount", "Blocked"]);

    private static string[] Vocabulary(string[] subjects, string[] qualities) =>
        [.. subjects.SelectMany(s => qualities.Select(q => s + q))];
}

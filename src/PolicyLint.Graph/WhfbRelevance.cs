using System.Text.Json;
using PolicyLint.Catalog;
using PolicyLint.Intune;

namespace PolicyLint.Graph;

/// <summary>
/// Which Graph objects a pull keeps: those the readers find Windows Hello for Business policy in. The tests are
/// deliberately wide (any PassportForWork id, any catalogue node, ControlPolicyConflict/MDMWinsOverGP), because an
/// object dropped here is a policy the lint never sees.
/// </summary>
internal static class WhfbRelevance
{
    public const string IdentityProtectionType = "#microsoft.graph.windowsIdentityProtectionConfiguration";
    public const string CustomConfigurationType = "#microsoft.graph.windows10CustomConfiguration";
    public const string EnrollmentWhfbType = "#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration";

    /// <summary>A Settings Catalog setting definition id the readers use, or one under PassportForWork or ControlPolicyConflict.</summary>
    public static bool IsRelevantDefinitionId(string id) =>
        PassportForWorkCatalog.FindBySettingsCatalogId(id) is not null
        || id.Contains("passportforwork", StringComparison.OrdinalIgnoreCase)
        || id.Contains("controlpolicyconflict", StringComparison.OrdinalIgnoreCase);

    /// <summary>An OMA-URI of a PassportForWork or related node (those rows are the only ones ever decrypted).</summary>
    public static bool IsRelevantOmaUri(string uri) =>
        OmaUri.Parse(uri) is not null
        || uri.Contains("/PassportForWork", StringComparison.OrdinalIgnoreCase)
        || uri.Contains("/ControlPolicyConflict/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A configurationPolicy: any relevant setting at any depth, or an Account Protection policy.</summary>
    public static bool IsRelevantConfigurationPolicy(JsonElement policy, IEnumerable<JsonElement> settings)
    {
        if (policy.TryGetProperty("templateReference", out var template) && template.ValueKind == JsonValueKind.Object
            && String(template, "templateFamily") is { } family && family.Contains("accountprotection", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return settings.Any(s => AnyString(s, "settingDefinitionId", IsRelevantDefinitionId));
    }

    public static bool IsRelevantCustomConfiguration(JsonElement profile) =>
        profile.TryGetProperty("omaSettings", out var rows) && rows.ValueKind == JsonValueKind.Array
        && rows.EnumerateArray().Any(row => String(row, "omaUri") is { } uri && IsRelevantOmaUri(uri));

    /// <summary>An intent on the Account protection (Preview) template, or with a setting mapped from Identity Protection.</summary>
    public static bool IsRelevantIntent(JsonElement intent, IEnumerable<JsonElement> settings) =>
        string.Equals(String(intent, "templateId"), IntentReader.AccountProtectionPreviewTemplateId, StringComparison.OrdinalIgnoreCase)
        || settings.Any(s => String(s, "definitionId") is { } id
            && (id.StartsWith(IntentReader.DefinitionPrefix, StringComparison.OrdinalIgnoreCase) || id.Contains("passportforwork", StringComparison.OrdinalIgnoreCase)));

    public static bool IsEnrollmentWhfb(JsonElement configuration) =>
        string.Equals(String(configuration, "@odata.type"), EnrollmentWhfbType, StringComparison.OrdinalIgnoreCase)
        || string.Equals(String(configuration, "deviceEnrollmentConfigurationType"), "windowsHelloForBusiness", StringComparison.OrdinalIgnoreCase);

    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>True when a string property of that name, anywhere below the element, passes the test.</summary>
    private static bool AnyString(JsonElement element, string property, Func<string, bool> test)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Value.ValueKind == JsonValueKind.String
                        ? member.NameEquals(property) && test(member.Value.GetString()!)
                        : AnyString(member.Value, property, test))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (AnyString(item, property, test))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}

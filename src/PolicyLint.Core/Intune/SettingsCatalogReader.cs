using PolicyLint.Catalog;
using PolicyLint.Input;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Reads configurationPolicies (Settings Catalog, and the endpoint-security and baseline policies built on it): walks
/// every setting instance, including group collections and choice children, and keeps the WHfB ones.
/// </summary>
public sealed class SettingsCatalogReader : IIntuneObjectReader
{
    public const string ODataType = "#microsoft.graph.deviceManagementConfigurationPolicy";

    /// <summary>The template family of Account Protection policies (endpoint security).</summary>
    public const string AccountProtectionFamily = "endpointSecurityAccountProtection";

    /// <summary>Where the settingDefinitionIds of PassportForWork CSP nodes start, in device and user scope.</summary>
    private static readonly string[] PassportForWorkIdPrefixes = ["device_vendor_msft_passportforwork", "user_vendor_msft_passportforwork"];

    /// <summary>
    /// A source comes from a setting the catalogue knows, a PassportForWork leaf it does not know, or an Account
    /// Protection policy (the retired preview template is a source even without settings).
    /// </summary>
    public IReadOnlyList<ContentMarker> Markers { get; } =
    [
        .. PassportForWorkCatalog.AllSettingsCatalogIds.Select(ContentMarker.Anywhere),
        .. PassportForWorkIdPrefixes.Select(ContentMarker.Anywhere),
        ContentMarker.WholeString(AccountProtectionFamily),
    ];

    public PolicySourceBuilder? TryRead(JsonObject obj, IntuneReadContext context)
    {
        var settings = obj.GetArray("settings");
        var isPolicy = string.Equals(obj.ODataType, ODataType, StringComparison.OrdinalIgnoreCase)
            || (settings is not null && settings.Items.OfType<JsonObject>().Any(s => s.Has("settingInstance")));
        if (!isPolicy)
        {
            return null;
        }

        var template = obj.GetObject("templateReference");
        var family = template?.GetString("templateFamily");
        var templateName = template?.GetString("templateDisplayName");
        var source = new PolicySourceBuilder(KindOf(family, templateName), context.NameOf(obj), context.NameLocationOf(obj))
        {
            Id = obj.GetString("id"),
            TemplateId = template?.GetString("templateId"),
            TemplateFamily = family,
            TemplateDisplayName = templateName,
        };
        foreach (var item in settings?.Items.OfType<JsonObject>() ?? [])
        {
            if (item.GetObject("settingInstance") is { } instance)
            {
                ReadInstance(instance, source, context);
            }
        }

        AssignmentReader.Read(obj, source, context);
        return source;
    }

    /// <summary>
    /// Template families that make a configurationPolicy something other than a plain Settings Catalog profile. An
    /// Account Protection policy whose template is named "... (Preview)" is the retired preview template.
    /// </summary>
    public static SourceKind KindOf(string? templateFamily, string? templateDisplayName = null) => templateFamily switch
    {
        _ when string.Equals(templateFamily, AccountProtectionFamily, StringComparison.OrdinalIgnoreCase)
            => templateDisplayName?.Contains("(Preview)", StringComparison.OrdinalIgnoreCase) == true ? SourceKind.AccountProtectionPreview : SourceKind.AccountProtection,
        _ when string.Equals(templateFamily, "baseline", StringComparison.OrdinalIgnoreCase) || string.Equals(templateFamily, "securitybaseline", StringComparison.OrdinalIgnoreCase)
            => SourceKind.SecurityBaseline,
        _ => SourceKind.SettingsCatalog,
    };

    private static void ReadInstance(JsonObject instance, PolicySourceBuilder source, IntuneReadContext context)
    {
        var idNode = instance["settingDefinitionId"];
        var definitionId = idNode?.AsString();
        if (definitionId is not null && idNode is not null)
        {
            ReadLeaf(instance, definitionId, idNode, source, context);
        }

        // Children: group collections, groups, and choices with dependent settings.
        foreach (var group in instance.GetArray("groupSettingCollectionValue")?.Items.OfType<JsonObject>() ?? [])
        {
            ReadChildren(group, source, context);
        }

        if (instance.GetObject("groupSettingValue") is { } single)
        {
            ReadChildren(single, source, context);
        }

        if (instance.GetObject("choiceSettingValue") is { } choice)
        {
            ReadChildren(choice, source, context);
        }
    }

    private static void ReadChildren(JsonObject value, PolicySourceBuilder source, IntuneReadContext context)
    {
        foreach (var child in value.GetArray("children")?.Items.OfType<JsonObject>() ?? [])
        {
            ReadInstance(child, source, context);
        }
    }

    private static void ReadLeaf(JsonObject instance, string definitionId, JsonNode idNode, PolicySourceBuilder source, IntuneReadContext context)
    {
        var hit = PassportForWorkCatalog.FindBySettingsCatalogId(definitionId);
        if (hit is null)
        {
            if (LooksLikePassportForWorkLeaf(definitionId))
            {
                var valueNode = ValueNode(instance) ?? idNode;
                source.Add(new PolicySetting(null, ScopeOf(definitionId), PolicyValue.None, definitionId, valueNode.Location)
                {
                    NameLocation = idNode.Location,
                    RawValue = RawText(valueNode),
                    Problem = SettingProblem.UnknownNode,
                });
            }

            return;
        }

        var (node, scope) = hit.Value;
        var raw = ValueNode(instance);
        if (raw is null)
        {
            context.Error(instance, $"setting '{definitionId}' has no value (expected choiceSettingValue.value or simpleSettingValue.value)");
            return;
        }

        // Names and choice values of catalogue nodes repeat in every profile: one string each (a 20,000-profile export
        // would otherwise hold a copy per setting).
        definitionId = SameOrdinal(definitionId, scope == PolicyScope.User ? node.Names.SettingsCatalogUserId : node.Names.SettingsCatalogDeviceId);
        var text = RawText(raw) ?? string.Empty;
        var isChoice = instance.Has("choiceSettingValue");
        if (isChoice && text.StartsWith(definitionId, StringComparison.OrdinalIgnoreCase))
        {
            text = string.Intern(text);
        }

        var valueText = isChoice && text.StartsWith(definitionId + "_", StringComparison.OrdinalIgnoreCase)
            ? text[(definitionId.Length + 1)..]
            : text;
        var conversion = isChoice && valueText.Length == text.Length
            ? new NodeValues.Conversion(PolicyValue.None, SettingProblem.MalformedValue, $"choice value '{text}' does not start with '{definitionId}_'")
            : NodeValues.FromText(node, valueText);
        source.Add(new PolicySetting(node, scope, conversion.Value, definitionId, raw.Location)
        {
            NameLocation = idNode.Location,
            RawValue = text,
            Problem = conversion.Problem,
            ProblemDetail = conversion.Detail,
        });
    }

    /// <summary>The catalogue's string when it is the same text (case included), so equal names share one string.</summary>
    private static string SameOrdinal(string written, string? known) =>
        known is not null && string.Equals(written, known, StringComparison.Ordinal) ? known : written;

    /// <summary>A leaf id under the PassportForWork CSP (not the group containers themselves).</summary>
    private static bool LooksLikePassportForWorkLeaf(string id) =>
        PassportForWorkIdPrefixes.Any(prefix => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        && !id.EndsWith("{tenantid}", StringComparison.OrdinalIgnoreCase);

    private static PolicyScope ScopeOf(string id) =>
        id.StartsWith("user_", StringComparison.OrdinalIgnoreCase) ? PolicyScope.User : PolicyScope.Device;

    private static JsonNode? ValueNode(JsonObject instance) =>
        instance.GetObject("choiceSettingValue")?["value"]
        ?? instance.GetObject("simpleSettingValue")?["value"]
        ?? (instance.GetArray("simpleSettingCollectionValue")?.Items is [JsonObject first, ..] ? first["value"] : null);

    private static string? RawText(JsonNode node) => node is JsonScalar { Kind: not JsonScalarKind.Null } scalar ? scalar.Text : null;
}

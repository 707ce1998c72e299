using System.Text.RegularExpressions;
using PolicyLint.Catalog;
using PolicyLint.Input;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Reads the legacy endpoint security intents (deviceManagement/intents): the "Account protection (Preview)" template
/// and the security baselines built on intents. Their WHfB settings have definitionIds
/// <c>deviceConfiguration--windowsIdentityProtectionConfiguration_&lt;property&gt;</c> and the Identity Protection
/// property meanings (reference D.1); values are JSON text in <c>valueJson</c> (double-encoded), or plain in <c>value</c>.
/// Also reads what export tools write for intents: IntuneManagement's <c>_Settings.json</c> companion (a bare
/// <c>settings</c> list) and IntuneCD's <c>settingsDelta</c>.
/// </summary>
public sealed partial class IntentReader : IIntuneObjectReader
{
    public const string ODataType = "#microsoft.graph.deviceManagementIntent";

    public const string DefinitionPrefix = "deviceConfiguration--windowsIdentityProtectionConfiguration_";

    /// <summary>The "Account protection (Preview)" template (reference D.1).</summary>
    public const string AccountProtectionPreviewTemplateId = "0f2b5d70-d4e9-4156-8c16-1397eb6c54a5";

    /// <summary>What a template's name (in the intent, or the IntuneCD folder it sits in) holds when it is the preview template.</summary>
    private const string AccountProtectionTemplateName = "Account protection";

    /// <summary>
    /// Settings come only from definitionIds with the Identity Protection prefix; an intent without them is still a
    /// source when it is on the preview template, known by its id or by its name (also from the file's folder).
    /// </summary>
    public IReadOnlyList<ContentMarker> Markers { get; } =
    [
        ContentMarker.Anywhere(DefinitionPrefix),
        ContentMarker.WholeString(AccountProtectionPreviewTemplateId),
        ContentMarker.Anywhere(AccountProtectionTemplateName),
    ];

    /// <summary>
    /// Intent templates of security baselines, as public tools list them: MDM Security Baseline for Windows 10 and
    /// later (November 2021 and December 2020 versions), Microsoft Defender for Endpoint, Windows 365, Microsoft Edge.
    /// Older baseline versions have other ids; an intent with an unknown template is read as an Account Protection intent.
    /// </summary>
    public static readonly IReadOnlySet<string> SecurityBaselineTemplateIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "034ccd46-190c-4afc-adf1-ad7cc11262eb",
        "c04a010a-e7c5-44b1-a814-88df6f053f16",
        "2209e067-9c8c-462e-9981-5a8c79165dcc",
        "cef15778-c3b9-4d53-a00a-042929f0aad0",
        "a8d6fa0e-1e66-455b-bb51-8ce0dde1559e",
    };

    public PolicySourceBuilder? TryRead(JsonObject obj, IntuneReadContext context)
    {
        var settings = obj.GetArray("settings") ?? obj.GetArray("settingsDelta");
        var isIntent = string.Equals(obj.ODataType, ODataType, StringComparison.OrdinalIgnoreCase)
            || (obj.ODataType is null && settings is not null && settings.Items.OfType<JsonObject>().Any(s => s.Has("definitionId")));
        if (!isIntent)
        {
            return null;
        }

        var templateId = obj.GetString("templateId");
        var source = new PolicySourceBuilder(KindOf(templateId, obj, context), NameOf(obj, context), context.NameLocationOf(obj))
        {
            Id = obj.GetString("id") ?? IntentIdFromSettings(settings),
            TemplateId = templateId,
            TemplateDisplayName = obj.GetString("templateDisplayName") ?? TemplateFolder(context),
        };
        foreach (var setting in settings?.Items.OfType<JsonObject>() ?? [])
        {
            ReadSetting(setting, source, context);
        }

        AssignmentReader.Read(obj, source, context);
        return source;
    }

    private static void ReadSetting(JsonObject setting, PolicySourceBuilder source, IntuneReadContext context)
    {
        var idNode = setting["definitionId"];
        var definitionId = idNode?.AsString();
        if (idNode is null || definitionId is null || !definitionId.StartsWith(DefinitionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var property = definitionId[DefinitionPrefix.Length..];
        var node = PassportForWorkCatalog.FindByIdentityProtectionProperty(property);
        if (node is null)
        {
            context.Note(idNode, $"setting '{definitionId}' has no PassportForWork node in the catalogue; it was not linted");
            return;
        }

        var value = ValueOf(setting, definitionId, context);
        if (value is not null)
        {
            IntunePropertyValues.Add(source, node, PolicyScope.Device, definitionId, idNode.Location, value, node.Names.IdentityProtectionInverted);
        }
    }

    /// <summary>The value: valueJson decoded (its positions map back into the string), else <c>value</c>. Null when unreadable.</summary>
    private static JsonNode? ValueOf(JsonObject setting, string definitionId, IntuneReadContext context)
    {
        var valueJson = setting["valueJson"];
        if (valueJson is JsonScalar { Kind: JsonScalarKind.String } text)
        {
            try
            {
                return JsonTreeReader.ParseEmbedded(text);
            }
            catch (JsonSyntaxException ex)
            {
                context.Result.Error(ex.Location, $"the valueJson of setting '{definitionId}' is not JSON text: {ex.Message}");
                return null;
            }
        }

        return valueJson ?? setting["value"];
    }

    private static SourceKind KindOf(string? templateId, JsonObject obj, IntuneReadContext context)
    {
        if (string.Equals(templateId, AccountProtectionPreviewTemplateId, StringComparison.OrdinalIgnoreCase))
        {
            return SourceKind.AccountProtectionPreview;
        }

        if (templateId is not null && SecurityBaselineTemplateIds.Contains(templateId))
        {
            return SourceKind.SecurityBaseline;
        }

        // No known template id: the template's name, when an export keeps it (IntuneCD files intents by template name).
        var templateName = obj.GetString("templateDisplayName") ?? TemplateFolder(context) ?? string.Empty;
        if (templateName.Contains("(Preview)", StringComparison.OrdinalIgnoreCase) && templateName.Contains(AccountProtectionTemplateName, StringComparison.OrdinalIgnoreCase))
        {
            return SourceKind.AccountProtectionPreview;
        }

        return templateName.Contains("Baseline", StringComparison.OrdinalIgnoreCase) ? SourceKind.SecurityBaseline : SourceKind.AccountProtectionIntent;
    }

    /// <summary>IntuneCD writes intents to <c>Management Intents/&lt;template display name&gt;/</c>: that folder's name, when so.</summary>
    private static string? TemplateFolder(IntuneReadContext context)
    {
        var folder = Path.GetDirectoryName(context.Document.Name);
        var parent = folder is null ? null : Path.GetDirectoryName(folder);
        return parent is not null && string.Equals(Path.GetFileName(parent), "Management Intents", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileName(folder)
            : null;
    }

    /// <summary>The intent's name; for an IntuneManagement <c>X_Settings.json</c> companion, which has none, the X of its file name.</summary>
    private static string NameOf(JsonObject obj, IntuneReadContext context)
    {
        if ((obj.GetString("displayName") ?? obj.GetString("name") ?? context.WrapperName) is { } named)
        {
            return named;
        }

        var file = Path.GetFileNameWithoutExtension(context.Document.DisplayPath);
        return SettingsCompanionSuffix().Replace(file, string.Empty);
    }

    /// <summary>The intent id named in a setting's <c>@odata.id</c>: <c>deviceManagement/intents('&lt;id&gt;')/settings(...)</c>.</summary>
    private static string? IntentIdFromSettings(JsonArray? settings)
    {
        foreach (var setting in settings?.Items.OfType<JsonObject>() ?? [])
        {
            if (setting.GetString("@odata.id") is { } odataId && IntentIdInLink().Match(odataId) is { Success: true } match)
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"_Settings(\..*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettingsCompanionSuffix();

    [GeneratedRegex(@"intents\('(?<id>[^']+)'\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntentIdInLink();
}

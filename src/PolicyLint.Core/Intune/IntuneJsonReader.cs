using System.Diagnostics.CodeAnalysis;
using PolicyLint.Input;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Reads any JSON or YAML file holding Intune objects: one object, a <c>value</c> array of a Graph list call, a plain
/// array, a whole file that is one JSON string (double-encoded), and wrappers that carry the object as JSON text (CIPP's
/// <c>JSON</c> / <c>RAWJson</c>). YAML is IntuneCD's other output format, with the same objects. Each object found is
/// offered to the object readers in order; Entra group objects and IntuneManagement's migration table are kept as
/// group names for assignment targets.
/// </summary>
public sealed class IntuneJsonReader : IPolicyReader
{
    private const int MaxUnwrapDepth = 8;

    private readonly IReadOnlyList<IIntuneObjectReader> _objectReaders;
    private readonly Lazy<JsonPrefilter> _prefilter;

    public IntuneJsonReader(IReadOnlyList<IIntuneObjectReader> objectReaders)
    {
        _objectReaders = objectReaders;
        // Built on first use: a run that reads no JSON file never pays for it.
        _prefilter = new Lazy<JsonPrefilter>(() => new JsonPrefilter(Markers));
    }

    /// <summary>What makes a document worth parsing: the markers of every object reader and of the group lists.</summary>
    public IEnumerable<ContentMarker> Markers => _objectReaders.SelectMany(r => r.Markers).Concat(GroupDirectory.Markers);

    /// <summary>The prefilter made from <see cref="Markers"/>, with the markers it searches for.</summary>
    public JsonPrefilter Prefilter => _prefilter.Value;

    /// <summary>The object readers of every Intune form, in the order they are tried.</summary>
    public static IReadOnlyList<IIntuneObjectReader> DefaultObjectReaders { get; } =
    [
        new SettingsCatalogReader(),
        new CustomOmaUriReader(),
        new IdentityProtectionReader(),
        new IntentReader(),
        new EnrollmentWhfbReader(),
    ];

    public string FormatName => "Intune JSON export";

    public const string YamlFormatName = "Intune YAML export";

    public bool Claims(DecodedDocument document) =>
        document.IsText && (IsYaml(document) || StartsLikeJson(document.Utf8Span));

    /// <summary>
    /// JSON only (YAML can fold and escape text in more ways than a byte search can follow): skipped when no object
    /// reader's marker and no group-list marker occurs, and the JSON looks complete (see <see cref="JsonPrefilter"/>).
    /// </summary>
    public bool TrySkipUnread(DecodedDocument document, [NotNullWhen(true)] out string? reason)
    {
        reason = null;
        if (IsYaml(document) || _prefilter.Value.MustParse(document.Utf8Span, document.Name))
        {
            return false;
        }

        reason = "JSON with no Windows Hello for Business setting, group list or migration table (seen without parsing it: none of the names the readers look for occurs)";
        return true;
    }

    public ReadResult Read(DecodedUnit unit)
    {
        var document = unit.Primary;
        var yaml = IsYaml(document);
        var format = yaml ? YamlFormatName : FormatName;
        var text = SourceDocument.FromUtf8(document.DisplayPath, document.Utf8Memory);
        JsonNode root;
        try
        {
            root = yaml ? YamlTreeReader.Parse(text) : JsonTreeReader.Parse(text);
        }
        catch (JsonSyntaxException ex)
        {
            return ReadResult.Failed(ex.Location, ex.Message, format);
        }

        var result = new ReadResultBuilder(document.DisplayPath, format);
        var context = new IntuneReadContext(document, result);
        var claimed = Walk(root, context, depth: 0);
        if (result.Sources.Count == 0 && !result.HasErrors)
        {
            result.SkipReason = result.GroupNames.Count > 0
                ? $"a list of {result.GroupNames.Count} Entra group(s), used to name assignment targets"
                : claimed
                    ? "an Intune export with no Windows Hello for Business setting"
                    : $"{(yaml ? "YAML" : "JSON")}, but not an Intune policy export this tool reads";
        }

        return result.Build();
    }

    private static bool IsYaml(DecodedDocument document) =>
        document.Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || document.Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static bool StartsLikeJson(ReadOnlySpan<byte> utf8)
    {
        var first = TextDecoding.FirstNonWhitespace(utf8);
        return first >= 0 && utf8[first] is (byte)'{' or (byte)'[' or (byte)'"';
    }

    /// <summary>Finds objects in the tree and reads them; true when some reader recognised something.</summary>
    private bool Walk(JsonNode node, IntuneReadContext context, int depth)
    {
        if (depth > MaxUnwrapDepth)
        {
            return false;
        }

        switch (node)
        {
            case JsonScalar { Kind: JsonScalarKind.String } text when LooksLikeJsonText(text.Text):
                return WalkEmbedded(text, context, depth);
            case JsonArray array:
            {
                var any = false;
                foreach (var item in array.Items)
                {
                    any |= Walk(item, context, depth + 1);
                }

                return any;
            }

            case JsonObject obj:
                return WalkObject(obj, context, depth);
            default:
                return false;
        }
    }

    private bool WalkObject(JsonObject obj, IntuneReadContext context, int depth)
    {
        foreach (var reader in _objectReaders)
        {
            var source = reader.TryRead(obj, context);
            if (source is null)
            {
                continue;
            }

            if (source.Settings.Count > 0 || IsWhfbByKind(source))
            {
                context.Result.Sources.Add(source.Build());
            }

            return true;
        }

        if (GroupDirectory.TryRead(obj, context.Result))
        {
            return true;
        }

        if (obj["value"] is JsonArray list)
        {
            return Walk(list, context, depth + 1);
        }

        // Wrappers that carry the object as JSON text: CIPP (JSON, then RAWJson) and similar tools.
        foreach (var property in obj.Properties)
        {
            if (property.Value is JsonScalar { Kind: JsonScalarKind.String } text && LooksLikeJsonText(text.Text))
            {
                var wrapperName = obj.GetString("Displayname") ?? obj.GetString("displayName") ?? context.WrapperName;
                var inner = new IntuneReadContext(context.Document, context.Result) { WrapperName = wrapperName };
                return WalkEmbedded(text, inner, depth);
            }
        }

        if (obj.ODataType is { } type && type.StartsWith("#microsoft.graph.", StringComparison.OrdinalIgnoreCase))
        {
            context.Note(obj, $"skipped '{context.NameOf(obj)}', an object of type {type}: not a Windows Hello for Business policy type PolicyLint reads");
        }

        return false;
    }

    private bool WalkEmbedded(JsonScalar text, IntuneReadContext context, int depth)
    {
        JsonNode inner;
        try
        {
            inner = JsonTreeReader.ParseEmbedded(text);
        }
        catch (JsonSyntaxException ex)
        {
            context.Result.Error(ex.Location, "JSON text inside a string value: " + ex.Message);
            return true;
        }

        return Walk(inner, context, depth + 1);
    }

    /// <summary>Sources that are about WHfB by their kind, even when every setting is "not configured".</summary>
    private static bool IsWhfbByKind(PolicySourceBuilder source) =>
        source.Kind is SourceKind.IdentityProtection or SourceKind.TenantWideEnrollment or SourceKind.AccountProtectionPreview;

    private static bool LooksLikeJsonText(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 1 && (trimmed[0] == '{' || (trimmed[0] == '[' && trimmed.TrimEnd().EndsWith("]")));
    }
}

using System.Globalization;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Json;

/// <summary>
/// A JSON value that remembers where it was written. System.Text.Json's DOM drops positions, so exports are read
/// with Utf8JsonReader into this small tree: every node knows its document and byte range.
/// </summary>
public abstract class JsonNode
{
    protected JsonNode(SourceDocument document, int offset, int length)
    {
        Document = document;
        Offset = offset;
        Length = length;
    }

    public SourceDocument Document { get; }

    public int Offset { get; }

    public int Length { get; internal set; }

    public SourceLocation Location => Document.Locate(Offset, Length);

    /// <summary>This node as a string scalar's text, or null.</summary>
    public string? AsString() => this is JsonScalar { Kind: JsonScalarKind.String } s ? s.Text : null;

    public bool IsNull => this is JsonScalar { Kind: JsonScalarKind.Null };
}

public sealed class JsonProperty
{
    internal JsonProperty(string name, int nameOffset, int nameLength, JsonNode value)
    {
        Name = name;
        NameOffset = nameOffset;
        NameLength = nameLength;
        Value = value;
    }

    public string Name { get; }

    public int NameOffset { get; }

    public int NameLength { get; }

    public JsonNode Value { get; }

    public SourceLocation NameLocation => Value.Document.Locate(NameOffset, NameLength);
}

public sealed class JsonObject : JsonNode
{
    private readonly List<JsonProperty> _properties = [];

    internal JsonObject(SourceDocument document, int offset)
        : base(document, offset, 0)
    {
    }

    public IReadOnlyList<JsonProperty> Properties => _properties;

    internal void Add(JsonProperty property) => _properties.Add(property);

    /// <summary>The property with this name (exact case first, then case-insensitive), or null.</summary>
    public JsonProperty? Property(string name)
    {
        JsonProperty? loose = null;
        foreach (var property in _properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }

            if (loose is null && string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                loose = property;
            }
        }

        return loose;
    }

    public JsonNode? this[string name] => Property(name)?.Value;

    public bool Has(string name) => Property(name) is not null;

    public string? GetString(string name) => this[name]?.AsString();

    public JsonObject? GetObject(string name) => this[name] as JsonObject;

    public JsonArray? GetArray(string name) => this[name] as JsonArray;

    /// <summary>The <c>@odata.type</c> of the object, or null.</summary>
    public string? ODataType => GetString("@odata.type");
}

public sealed class JsonArray : JsonNode
{
    private readonly List<JsonNode> _items = [];

    internal JsonArray(SourceDocument document, int offset)
        : base(document, offset, 0)
    {
    }

    public IReadOnlyList<JsonNode> Items => _items;

    internal void Add(JsonNode item) => _items.Add(item);
}

public enum JsonScalarKind
{
    String,
    Number,
    True,
    False,
    Null,
}

public sealed class JsonScalar : JsonNode
{
    private string? _text;

    internal JsonScalar(SourceDocument document, int offset, int length, JsonScalarKind kind)
        : base(document, offset, length)
    {
        Kind = kind;
    }

    /// <summary>A scalar whose text is already known (values read from YAML, which is not JSON-escaped).</summary>
    internal JsonScalar(SourceDocument document, int offset, int length, JsonScalarKind kind, string text)
        : base(document, offset, length)
    {
        Kind = kind;
        _text = text;
        IsDecoded = true;
    }

    public JsonScalarKind Kind { get; }

    /// <summary>True for a scalar read from YAML: its text is already decoded and its source is not a JSON string token.</summary>
    internal bool IsDecoded { get; }

    /// <summary>
    /// The decoded string, or the literal text of a number, true, false or null. Decoded on first use: most values in
    /// an export (descriptions, ids, timestamps) are never looked at, so they never become strings.
    /// </summary>
    public string Text => _text ??= Decode();

    private string Decode()
    {
        var raw = Document.Utf8.Span.Slice(Offset, Length);
        if (Kind != JsonScalarKind.String)
        {
            return System.Text.Encoding.UTF8.GetString(raw);
        }

        var content = raw[1..^1];
        if (content.IndexOf((byte)'\\') < 0)
        {
            return System.Text.Encoding.UTF8.GetString(content);
        }

        var reader = new System.Text.Json.Utf8JsonReader(raw);
        reader.Read();
        return JsonTreeReader.GetString(ref reader);
    }

    public bool TryGetInt64(out long value)
    {
        value = 0;
        return Kind is JsonScalarKind.Number or JsonScalarKind.String
            && long.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    public bool? AsBoolean() => Kind switch
    {
        JsonScalarKind.True => true,
        JsonScalarKind.False => false,
        JsonScalarKind.String when bool.TryParse(Text, out var b) => b,
        _ => null,
    };
}

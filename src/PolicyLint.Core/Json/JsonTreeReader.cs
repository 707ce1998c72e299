using System.Text;
using System.Text.Json;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Json;

/// <summary>A JSON text that cannot be parsed, with where the parser stopped.</summary>
public sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(SourceLocation location, string message)
        : base(message) => Location = location;

    public SourceLocation Location { get; }
}

/// <summary>Builds a <see cref="JsonNode"/> tree with positions from UTF-8 bytes, and reads JSON embedded in JSON strings.</summary>
public static class JsonTreeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 128,
    };

    /// <exception cref="JsonSyntaxException">The text is not JSON.</exception>
    public static JsonNode Parse(SourceDocument document)
    {
        var reader = new Utf8JsonReader(document.Utf8.Span, Options);
        var names = new NameTable();
        try
        {
            if (!reader.Read())
            {
                throw new JsonSyntaxException(document.Locate(0), "the file holds no JSON value");
            }

            var root = ReadValue(ref reader, document, names);
            if (reader.Read())
            {
                throw new JsonSyntaxException(document.Locate((int)reader.TokenStartIndex), "unexpected text after the end of the JSON value");
            }

            return root;
        }
        catch (JsonException ex)
        {
            var location = document.LocateLineByte(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            var atEnd = IsOnlyWhitespaceAfter(document.Utf8.Span, (int)reader.BytesConsumed);
            throw new JsonSyntaxException(location, Describe(ex, atEnd));
        }
    }

    /// <summary>
    /// Parses the JSON text inside a string value (double-encoded exports). Locations inside it map back through the
    /// escapes to the outer file.
    /// </summary>
    public static JsonNode ParseEmbedded(JsonScalar stringValue)
    {
        var embedded = Embed(stringValue);
        if (embedded.Utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            // An empty document has no byte to map back into the file: say so at the string itself.
            throw new JsonSyntaxException(stringValue.Location, "the string is empty, not JSON text");
        }

        return Parse(embedded);
    }

    /// <summary>The document made of a string value's decoded text, mapped back to where each byte was written.</summary>
    public static SourceDocument Embed(JsonScalar stringValue)
    {
        var outer = stringValue.Document;
        if (stringValue.IsDecoded)
        {
            return EmbedDecoded(stringValue);
        }

        var rawStart = stringValue.Offset + 1;
        var rawEnd = Math.Max(rawStart, stringValue.Offset + stringValue.Length - 1);
        var (bytes, map) = Unescape(outer.Utf8.Span.Slice(rawStart, rawEnd - rawStart), rawStart);
        return SourceDocument.Embedded(outer, bytes, map);
    }

    /// <summary>
    /// A YAML scalar (IntuneCD's valueJson) is plain, quoted or a block, not a JSON string token, so its decoded text is
    /// used as is. Its bytes map one to one when the text is written verbatim (between quotes or plain, the usual
    /// case), otherwise to the start of the scalar.
    /// </summary>
    private static SourceDocument EmbedDecoded(JsonScalar scalar)
    {
        var outer = scalar.Document;
        var bytes = Encoding.UTF8.GetBytes(scalar.Text);
        var raw = outer.Utf8.Span.Slice(scalar.Offset, Math.Min(scalar.Length, outer.Utf8.Length - scalar.Offset));
        var quote = raw.Length >= 2 && raw[0] is (byte)'\'' or (byte)'"' && raw[^1] == raw[0] ? 1 : 0;
        var verbatim = raw[quote..^quote].SequenceEqual(bytes);
        var map = new int[bytes.Length];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = verbatim ? scalar.Offset + quote + i : scalar.Offset;
        }

        return SourceDocument.Embedded(outer, bytes, map);
    }

    private static bool IsOnlyWhitespaceAfter(ReadOnlySpan<byte> utf8, int consumed)
    {
        // The reader stops at the last complete token; a cut-off file has at most one partial token after it.
        var rest = utf8[Math.Min(consumed, utf8.Length)..].Trim(" \t\r\n"u8);
        return rest.IndexOfAny(ErrorPath.TokenBoundaries) < 0;
    }

    /// <summary>Made on the first syntax error, not at every start.</summary>
    private static class ErrorPath
    {
        public static readonly System.Buffers.SearchValues<byte> TokenBoundaries = System.Buffers.SearchValues.Create(" \t\r\n,:{}[]"u8);
    }

    private static string Describe(JsonException ex, bool atEnd)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (atEnd || message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || message.Contains("incomplete", StringComparison.OrdinalIgnoreCase))
        {
            return "the JSON ends too early (truncated file?): " + message.TrimEnd('.');
        }

        return "invalid JSON: " + message.TrimEnd('.');
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, SourceDocument document, NameTable names)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var obj = new JsonObject(document, start);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = (int)reader.TokenStartIndex;
                    var nameLength = RawLength(ref reader);
                    var name = names.Get(ref reader);
                    reader.Read();
                    obj.Add(new JsonProperty(name, nameOffset, nameLength, ReadValue(ref reader, document, names)));
                }

                obj.Length = (int)reader.TokenStartIndex + 1 - start;
                return obj;
            }

            case JsonTokenType.StartArray:
            {
                var array = new JsonArray(document, start);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(ReadValue(ref reader, document, names));
                }

                array.Length = (int)reader.TokenStartIndex + 1 - start;
                return array;
            }

            case JsonTokenType.String:
                return new JsonScalar(document, start, RawLength(ref reader), JsonScalarKind.String);
            case JsonTokenType.Number:
                return new JsonScalar(document, start, reader.ValueSpan.Length, JsonScalarKind.Number);
            case JsonTokenType.True:
                return new JsonScalar(document, start, 4, JsonScalarKind.True);
            case JsonTokenType.False:
                return new JsonScalar(document, start, 5, JsonScalarKind.False);
            case JsonTokenType.Null:
                return new JsonScalar(document, start, 4, JsonScalarKind.Null);
            default:
                throw new JsonSyntaxException(document.Locate(start), $"unexpected JSON token {reader.TokenType}");
        }
    }

    /// <summary>
    /// Property names repeat thousands of times in an export ("@odata.type", "settingDefinitionId"); one string per
    /// distinct name keeps the tree small.
    /// </summary>
    private sealed class NameTable
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 128)
            {
                return GetString(ref reader);
            }

            Span<char> chars = stackalloc char[128];
            var count = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(chars[..count], out var existing))
            {
                return existing;
            }

            var name = new string(chars[..count]);
            _names.Add(name);
            return name;
        }
    }

    /// <summary>
    /// The text of the string token the reader is on. JSON's grammar allows a <c>\u</c> escape of a lone UTF-16
    /// surrogate, which System.Text.Json parses but will not turn into a string (InvalidOperationException); such a
    /// surrogate becomes U+FFFD, as lenient parsers (PowerShell's ConvertFrom-Json) read it.
    /// </summary>
    internal static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
            return Encoding.UTF8.GetString(Unescape(raw, 0).Bytes);
        }
    }

    /// <summary>Length of a string token in the source, quotes included.</summary>
    private static int RawLength(ref Utf8JsonReader reader) =>
        (reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length) + 2;

    /// <summary>Decodes JSON string escapes, recording for each output byte the offset of the input it came from.</summary>
    private static (byte[] Bytes, int[] Map) Unescape(ReadOnlySpan<byte> raw, int baseOffset)
    {
        var bytes = new List<byte>(raw.Length);
        var map = new List<int>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length;)
        {
            if (raw[i] != (byte)'\\' || i + 1 >= raw.Length)
            {
                bytes.Add(raw[i]);
                map.Add(baseOffset + i);
                i++;
                continue;
            }

            var escapeStart = i;
            var escape = raw[i + 1];
            int consumed;
            int codePoint;
            switch (escape)
            {
                case (byte)'n': codePoint = '\n'; consumed = 2; break;
                case (byte)'r': codePoint = '\r'; consumed = 2; break;
                case (byte)'t': codePoint = '\t'; consumed = 2; break;
                case (byte)'b': codePoint = '\b'; consumed = 2; break;
                case (byte)'f': codePoint = '\f'; consumed = 2; break;
                case (byte)'u' when i + 6 <= raw.Length && TryHex(raw.Slice(i + 2, 4), out var unit):
                    codePoint = unit;
                    consumed = 6;
                    if (char.IsHighSurrogate((char)unit) && i + 12 <= raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u'
                        && TryHex(raw.Slice(i + 8, 4), out var low) && char.IsLowSurrogate((char)low))
                    {
                        codePoint = char.ConvertToUtf32((char)unit, (char)low);
                        consumed = 12;
                    }

                    break;
                default: codePoint = escape; consumed = 2; break;
            }

            var length = new Rune(Rune.IsValid(codePoint) ? codePoint : 0xFFFD).EncodeToUtf8(utf8);
            for (var k = 0; k < length; k++)
            {
                bytes.Add(utf8[k]);
                map.Add(baseOffset + escapeStart);
            }

            i += consumed;
        }

        return ([.. bytes], [.. map]);
    }

    private static bool TryHex(ReadOnlySpan<byte> hex, out int value)
    {
        value = 0;
        foreach (var b in hex)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
    }
}

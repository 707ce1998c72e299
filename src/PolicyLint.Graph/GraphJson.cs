using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace PolicyLint.Graph;

/// <summary>
/// Writes Graph's JSON back out without a model in between: values are copied as the bytes Graph sent (numbers,
/// escapes and unknown properties unchanged), only whitespace is added so that findings point at useful lines.
/// </summary>
internal static class GraphJson
{
    /// <summary>
    /// The object with its properties as Graph returned them, where <paramref name="replaced"/> names properties whose
    /// value is written by a callback instead (a relationship fetched separately, a rewritten array); such a property
    /// that the object lacks is added at the end, where <c>$expand</c> puts relationships.
    /// </summary>
    public static byte[] Compose(JsonElement item, IReadOnlyList<(string Name, Action<Utf8JsonWriter> Write)> replaced)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            WriteObject(writer, item, replaced);
        }

        return Indent(buffer.WrittenSpan);
    }

    public static void WriteObject(Utf8JsonWriter writer, JsonElement item, IReadOnlyList<(string Name, Action<Utf8JsonWriter> Write)> replaced)
    {
        var written = new bool[replaced.Count];
        writer.WriteStartObject();
        foreach (var property in item.EnumerateObject())
        {
            var index = IndexOf(replaced, property.Name);
            writer.WritePropertyName(property.Name);
            if (index >= 0)
            {
                replaced[index].Write(writer);
                written[index] = true;
            }
            else
            {
                WriteRaw(writer, property.Value);
            }
        }

        for (var i = 0; i < replaced.Count; i++)
        {
            if (!written[i])
            {
                writer.WritePropertyName(replaced[i].Name);
                replaced[i].Write(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>A value exactly as Graph sent it.</summary>
    public static void WriteRaw(Utf8JsonWriter writer, JsonElement value) =>
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);

    /// <summary>An array of values exactly as Graph sent them.</summary>
    public static Action<Utf8JsonWriter> RawArray(IEnumerable<JsonElement> items) => writer =>
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteRaw(writer, item);
        }

        writer.WriteEndArray();
    };

    private static int IndexOf(IReadOnlyList<(string Name, Action<Utf8JsonWriter> Write)> replaced, string name)
    {
        for (var i = 0; i < replaced.Count; i++)
        {
            if (string.Equals(replaced[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Re-indents valid JSON by inserting whitespace between tokens only: string and number bytes stay as they were
    /// (a serializer would re-escape strings). Two spaces per level, LF line ends, a final newline.
    /// </summary>
    public static byte[] Indent(ReadOnlySpan<byte> json)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + (json.Length / 2));
        var depth = 0;
        var inString = false;
        var escaped = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                Put(output, b);
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    break;
                case (byte)'"':
                    inString = true;
                    Put(output, b);
                    break;
                case (byte)'{' or (byte)'[':
                    Put(output, b);
                    var close = b == (byte)'{' ? (byte)'}' : (byte)']';
                    var next = NextToken(json, i + 1);
                    if (next < json.Length && json[next] == close)
                    {
                        // Empty: [] and {} stay on one line.
                        Put(output, close);
                        i = next;
                    }
                    else
                    {
                        depth++;
                        NewLine(output, depth);
                    }

                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    NewLine(output, depth);
                    Put(output, b);
                    break;
                case (byte)',':
                    Put(output, b);
                    NewLine(output, depth);
                    break;
                case (byte)':':
                    Put(output, b);
                    Put(output, (byte)' ');
                    break;
                default:
                    Put(output, b);
                    break;
            }
        }

        Put(output, (byte)'\n');
        return output.WrittenSpan.ToArray();
    }

    private static int NextToken(ReadOnlySpan<byte> json, int from)
    {
        while (from < json.Length && json[from] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            from++;
        }

        return from;
    }

    private static void Put(ArrayBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private static void NewLine(ArrayBufferWriter<byte> output, int depth)
    {
        var span = output.GetSpan(1 + (2 * depth));
        span[0] = (byte)'\n';
        span.Slice(1, 2 * depth).Fill((byte)' ');
        output.Advance(1 + (2 * depth));
    }
}

using System.Globalization;
using System.Text;

namespace PolicyLint.Tests.Fuzz;

/// <summary>How a seed file is written, so text mutations can be made in its own encoding.</summary>
public enum SeedEncoding
{
    Binary,
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Utf16LeNoBom,
    Utf16BeBom,
}

/// <summary>
/// Makes one mutant of a file: one to three edits drawn from a random source seeded per mutant, each described so a
/// failure can be read and replayed. Text files are edited as text in their own encoding most of the time (so an
/// inserted token is a token in a UTF-16 file too), JSON and XML often by shape (<see cref="StructureMutator"/>), and
/// any file as raw bytes otherwise.
/// </summary>
public static class Mutator
{
    private static readonly string[] CommonTokens =
    [
        "\"", "'", "\\", "{", "}", "[", "]", ":", ",", "\0", "\n", "\r", "\r\n", "\t", " ",
        "99999999999999999999999999999999", "-99999999999999999999999999999999", "1e999999", "-1e-999999", "1.7976931348623157e309",
        "4294967296", "2147483648", "-2147483649", "18446744073709551616", "NaN", "Infinity", "-0", "0x7FFFFFFF",
        "\uFEFF", "\uFFFE", "\uFFFD", "\u2028", "\u00e9", "\u0301", "\U0001F600", "\u00a0",
        "true", "false", "null", "yes", "no", "~", "#", "//", "/*", "*/",
    ];

    private static readonly string[] JsonTokens =
    [
        "{}", "[]", "\"\"", "\"a\":", "\"a\":1,", ",,", "[,]", "{\"\":}", "\\u", "\\ud800", "\\udc00\\ud800", "\\u0000", "\\\"", "\\\\\"",
        "\"{\\\"a\\\":[\"", "\"[\"", "\"{\"", "\"{}\"", "\"[]\"", "\"{\\\"@odata.type\\\":\\\"#microsoft.graph.deviceManagementIntent\\\"}\"",
        "\"@odata.type\": 5,", "\"settings\": null,", "\"settings\": {},", "\"value\": \"[1]\",", "\"children\": 7,",
        "\"valueJson\": \"{\",", "\"valueJson\": \"\\\"\\\\u\\\"\",", "\"assignments\": {},", "\"groupId\": null,",
    ];

    private static readonly string[] YamlTokens =
    [
        "&a ", "*a", "*a\n", "<<: *a\n", "&a [1, 2]", "[", "]", "{", "}", "[a, b", "{a: [b, c}", "- [", "- {", "? ", "- ", ": ",
        "!!binary ", "!!python/object:os.system ", "!custom ", "!!str ", "!!int ", "!!map ", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n",
        "---\n", "...\n", "--- |\n", "|\n", ">-\n", "|+\n", "\t", "'a''b", "\"\\x00\"", "\"\\uD800\"", "key: [a, b\n", "- - - -\n",
        "settings: [\n", "settingInstance: {\n", "a: b: c\n", "{? a}", "[? a : b]", ": [", "&", "*", "@", "`",
    ];

    private static readonly string[] XmlTokens =
    [
        "<", ">", "/>", "</", "&", ";", "&amp;", "&lt;", "&#0;", "&#x0;", "&#x110000;", "&#xD800;", "&#65;", "&nope;", "&a;",
        "<!DOCTYPE GPO [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
        "<!DOCTYPE GPO SYSTEM \"file:///etc/passwd\">", "<!ENTITY x SYSTEM \"http://127.0.0.1/\">",
        "<![CDATA[", "]]>", "<![CDATA[x]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<?pi x?>", "xmlns=\"\"", "xmlns:q1=\"\"", " xsi:type=\"q1:Nope\"", "<q1:Policy>", "</q1:Policy>", "<q1:State>", "</q1:State>",
        "<q1:Name></q1:Name>", "<q1:Value></q1:Value>", "<q2:x xmlns:q2=\"urn:x\"/>", "</GPO>", "<GPO>", "</report>", "<Name/>",
        "<q1:Numeric><q1:Name>x</q1:Name><q1:Value>99999999999999999999</q1:Value></q1:Numeric>",
        "<q1:KeyPath>Software\\Policies\\Microsoft\\PassportForWork</q1:KeyPath>",
    ];

    private static readonly string[] PolTokens =
    [
        "[", "]", ";", "\0", "[;;;;]", "[Software\\Policies\\Microsoft\\PassportForWork\0;", ";Enabled\0;", "**del.", "**DeleteValues",
        "Software\\Policies\\Microsoft\\PassportForWork\\", "\uD800", "\uDFFF",
    ];

    private static readonly System.Buffers.SearchValues<char> StructuralCharacters = System.Buffers.SearchValues.Create("{[:,<>\n\"");

    private static readonly byte[][] RawByteTokens =
    [
        [0x00], [0xFF], [0x00, 0x00], [0xFF, 0xFF, 0xFF, 0xFF], [0xFF, 0xFF, 0xFF, 0x7F], [0x00, 0x00, 0x00, 0x80], [0x01, 0x00, 0x00, 0x00],
        [0x04, 0x00, 0x00, 0x00], [0x50, 0x52, 0x65, 0x67, 0x01, 0x00, 0x00, 0x00], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF],
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC3], [0x00, 0xD8], [0x00, 0xDC], [0x5B, 0x00], [0x5D, 0x00], [0x3B, 0x00],
    ];

    /// <summary>Applies one to three edits to <paramref name="original"/>; the description names each edit.</summary>
    public static byte[] Mutate(byte[] original, SeedEncoding encoding, string fileKind, Random random, out string description)
    {
        var edits = new List<string>();
        var count = random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        byte[] bytes = original;
        for (var i = 0; i < count; i++)
        {
            var mode = random.Next(10);
            if (encoding != SeedEncoding.Binary && mode < 7 && TryDecode(bytes, encoding, out var text))
            {
                if (mode < 3 && StructureMutator.TryMutate(text, fileKind, random, out var reshaped, out var change))
                {
                    bytes = Encode(reshaped, encoding);
                    edits.Add("structure " + change);
                    continue;
                }

                var mutated = MutateText(text, fileKind, random, out var edit);
                bytes = Encode(mutated, encoding);
                edits.Add("text " + edit);
            }
            else
            {
                bytes = MutateBytes(bytes, fileKind, encoding, random, out var edit);
                edits.Add("bytes " + edit);
            }
        }

        description = string.Join("; ", edits);
        return bytes;
    }

    public static SeedEncoding Detect(byte[] bytes, bool binary)
    {
        if (binary)
        {
            return SeedEncoding.Binary;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return SeedEncoding.Utf8Bom;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return SeedEncoding.Utf16LeBom;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return SeedEncoding.Utf16BeBom;
        }

        return bytes.Length >= 2 && bytes[0] != 0 && bytes[1] == 0 ? SeedEncoding.Utf16LeNoBom : SeedEncoding.Utf8;
    }

    public static byte[] Encode(string text, SeedEncoding encoding)
    {
        // Lone surrogates are meant to reach the file (a reader must cope), so encode without replacement where possible.
        return encoding switch
        {
            SeedEncoding.Utf8Bom => [0xEF, 0xBB, 0xBF, .. Utf8Lossless(text)],
            SeedEncoding.Utf16LeBom => [0xFF, 0xFE, .. Utf16(text, bigEndian: false)],
            SeedEncoding.Utf16LeNoBom => Utf16(text, bigEndian: false),
            SeedEncoding.Utf16BeBom => [0xFE, 0xFF, .. Utf16(text, bigEndian: true)],
            _ => Utf8Lossless(text),
        };
    }

    private static bool TryDecode(byte[] bytes, SeedEncoding encoding, out string text)
    {
        text = string.Empty;
        var (skip, decoder) = encoding switch
        {
            SeedEncoding.Utf8Bom => (3, (Encoding)Encoding.UTF8),
            SeedEncoding.Utf16LeBom => (2, Encoding.Unicode),
            SeedEncoding.Utf16LeNoBom => (0, Encoding.Unicode),
            SeedEncoding.Utf16BeBom => (2, Encoding.BigEndianUnicode),
            _ => (0, Encoding.UTF8),
        };
        if (bytes.Length < skip)
        {
            return false;
        }

        // An earlier byte edit may have broken the encoding; decoding with replacement is fine, the next edit is textual.
        text = decoder.GetString(bytes, skip, bytes.Length - skip);
        return true;
    }

    private static byte[] Utf16(string text, bool bigEndian)
    {
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bytes[(2 * i) + (bigEndian ? 1 : 0)] = (byte)c;
            bytes[(2 * i) + (bigEndian ? 0 : 1)] = (byte)(c >> 8);
        }

        return bytes;
    }

    private static byte[] Utf8Lossless(string text)
    {
        // Encoding.UTF8 would turn a lone surrogate into U+FFFD; write it as the (invalid) 3-byte form instead.
        var output = new List<byte>(text.Length + 16);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                var written = rune.EncodeToUtf8(buffer);
                for (var k = 0; k < written; k++)
                {
                    output.Add(buffer[k]);
                }

                i += rune.Utf16SequenceLength - 1;
            }
            else
            {
                int c = text[i];
                output.Add((byte)(0xE0 | (c >> 12)));
                output.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                output.Add((byte)(0x80 | (c & 0x3F)));
            }
        }

        return [.. output];
    }

    private static string MutateText(string text, string fileKind, Random random, out string edit)
    {
        var length = text.Length;
        switch (random.Next(9))
        {
            case 0:
            {
                var at = random.Next(length + 1);
                edit = $"truncate at char {at}";
                return text[..at];
            }

            case 1:
            {
                var (start, span) = Span(random, length, maxLength: random.Next(2) == 0 ? 16 : 512);
                edit = $"delete chars {start}+{span}";
                return text.Remove(start, span);
            }

            case 2:
            {
                var (start, span) = Span(random, length, maxLength: random.Next(3) == 0 ? 2048 : 64);
                var times = random.Next(4) == 0 ? random.Next(2, 200) : random.Next(1, 4);
                edit = $"repeat chars {start}+{span} x{times}";
                var repeated = string.Concat(Enumerable.Repeat(text.Substring(start, span), times));
                return text.Insert(start + span, repeated);
            }

            case 3:
            {
                var token = Token(fileKind, random);
                var at = StructuralPosition(text, random);
                edit = $"insert {Show(token)} at char {at}";
                return text.Insert(at, token);
            }

            case 4:
            {
                var token = Token(fileKind, random);
                var at = StructuralPosition(text, random);
                var span = Math.Min(random.Next(1, 8), length - at);
                edit = $"replace chars {at}+{span} with {Show(token)}";
                return text.Remove(at, span).Insert(at, token);
            }

            case 5:
            {
                var depth = random.Next(2) == 0 ? random.Next(100, 140) : random.Next(1000, 20000);
                var (open, close) = Nesting(fileKind, random);
                var at = StructuralPosition(text, random);
                var closeToo = random.Next(2) == 0;
                edit = $"nest {Show(open)} x{depth}{(closeToo ? " with closers" : string.Empty)} at char {at}";
                var builder = new StringBuilder(text.Length + (depth * (open.Length + close.Length)));
                builder.Append(text, 0, at).Insert(at, open, depth);
                if (closeToo)
                {
                    builder.Insert(builder.Length, close, depth);
                }

                return builder.Append(text, at, text.Length - at).ToString();
            }

            case 6:
            {
                // Swap two lines: keeps each line well formed while breaking the structure between them.
                var lines = text.Split('\n');
                if (lines.Length < 2)
                {
                    goto case 3;
                }

                var a = random.Next(lines.Length);
                var b = random.Next(lines.Length);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                edit = $"swap lines {a + 1} and {b + 1}";
                return string.Join('\n', lines);
            }

            case 7:
            {
                // Change one character to a structural neighbour (a quote to a brace, a digit to a letter...).
                if (length == 0)
                {
                    goto case 3;
                }

                var at = random.Next(length);
                const string Alphabet = "\"'{}[]:,<>/&;\\ -#!*|?%@0123456789aZ\0\t\n";
                var replacement = Alphabet[random.Next(Alphabet.Length)];
                edit = $"set char {at} ({Show(text[at].ToString())}) to {Show(replacement.ToString())}";
                return string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at + 1));
            }

            default:
            {
                // Copy a span over another place (splices a value into a key, a child into its parent...).
                var (source, span) = Span(random, length, maxLength: 256);
                var at = random.Next(length + 1);
                edit = $"copy chars {source}+{span} to char {at}";
                return text.Insert(at, text.Substring(source, span));
            }
        }
    }

    private static byte[] MutateBytes(byte[] bytes, string fileKind, SeedEncoding encoding, Random random, out string edit)
    {
        var length = bytes.Length;
        switch (random.Next(7))
        {
            case 0:
            {
                var flips = random.Next(1, 9);
                var result = (byte[])bytes.Clone();
                var positions = new List<string>();
                for (var i = 0; i < flips && length > 0; i++)
                {
                    var at = random.Next(length);
                    var bit = random.Next(8);
                    result[at] ^= (byte)(1 << bit);
                    positions.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.{bit}"));
                }

                edit = "flip bits " + string.Join(",", positions);
                return result;
            }

            case 1:
            {
                var at = random.Next(length + 1);
                edit = $"truncate at byte {at}";
                return bytes[..at];
            }

            case 2:
            {
                var (start, span) = Span(random, length, maxLength: random.Next(2) == 0 ? 8 : 256);
                edit = $"delete bytes {start}+{span}";
                return [.. bytes.AsSpan(0, start), .. bytes.AsSpan(start + span)];
            }

            case 3:
            {
                var (start, span) = Span(random, length, maxLength: random.Next(2) == 0 ? 16 : 1024);
                var times = random.Next(4) == 0 ? random.Next(2, 100) : random.Next(1, 4);
                edit = $"repeat bytes {start}+{span} x{times}";
                var output = new List<byte>(length + (span * times));
                output.AddRange(bytes.AsSpan(0, start + span));
                for (var i = 0; i < times; i++)
                {
                    output.AddRange(bytes.AsSpan(start, span));
                }

                output.AddRange(bytes.AsSpan(start + span));
                return [.. output];
            }

            case 4:
            {
                byte[] token;
                if (random.Next(2) == 0)
                {
                    token = RawByteTokens[random.Next(RawByteTokens.Length)];
                    edit = $"insert bytes {Convert.ToHexString(token)}";
                }
                else
                {
                    var text = Token(fileKind, random);
                    var wide = encoding is SeedEncoding.Binary or SeedEncoding.Utf16LeBom or SeedEncoding.Utf16LeNoBom;
                    token = wide ? Utf16(text, bigEndian: false) : Utf8Lossless(text);
                    edit = $"insert {(wide ? "UTF-16LE" : "UTF-8")} {Show(text)}";
                }

                // Keep UTF-16 alignment half the time so the token lands on a character boundary.
                var at = random.Next(length + 1);
                if (encoding != SeedEncoding.Utf8 && random.Next(2) == 0)
                {
                    at &= ~1;
                }

                edit += $" at byte {at}";
                return [.. bytes.AsSpan(0, at), .. token, .. bytes.AsSpan(at)];
            }

            case 5:
            {
                // Overwrite 4 bytes with a boundary integer: hits Registry.pol sizes and types, and UTF-16 pairs.
                if (length < 4)
                {
                    goto case 1;
                }

                var at = random.Next(length - 3);
                uint[] values = [0, 1, 3, 4, 7, 11, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, (uint)length, (uint)length * 2];
                var value = values[random.Next(values.Length)];
                var result = (byte[])bytes.Clone();
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(at, 4), value);
                edit = $"write uint32 {value} at byte {at}";
                return result;
            }

            default:
            {
                var at = length == 0 ? 0 : random.Next(length);
                var value = (byte)random.Next(256);
                var result = (byte[])bytes.Clone();
                if (length > 0)
                {
                    result[at] = value;
                }

                edit = $"set byte {at} to {value:X2}";
                return result;
            }
        }
    }

    private static string Token(string fileKind, Random random)
    {
        var specific = fileKind switch
        {
            "json" => JsonTokens,
            "yaml" => YamlTokens,
            "xml" => XmlTokens,
            "pol" => PolTokens,
            _ => CommonTokens,
        };
        var pool = random.Next(3) == 0 ? CommonTokens : specific;
        return pool[random.Next(pool.Length)];
    }

    private static (string Open, string Close) Nesting(string fileKind, Random random) => fileKind switch
    {
        "json" => random.Next(3) switch { 0 => ("[", "]"), 1 => ("{\"a\":", "}"), _ => ("\"[", "]\"") },
        "yaml" => random.Next(3) switch { 0 => ("[", "]"), 1 => ("{a: ", "}"), _ => ("- ", "\n") },
        "xml" => ("<a>", "</a>"),
        _ => ("[", "]"),
    };

    /// <summary>Half the time just after a structural character, where a token changes meaning most.</summary>
    private static int StructuralPosition(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        if (random.Next(2) == 0 && text.Length > 0)
        {
            var next = text.AsSpan(at).IndexOfAny(StructuralCharacters);
            if (next >= 0)
            {
                at += next + 1;
            }
        }

        return Math.Min(at, text.Length);
    }

    private static (int Start, int Length) Span(Random random, int total, int maxLength)
    {
        if (total == 0)
        {
            return (0, 0);
        }

        var start = random.Next(total);
        var length = random.Next(1, Math.Min(maxLength, total - start) + 1);
        return (start, length);
    }

    private static string Show(string token)
    {
        var builder = new StringBuilder("'");
        foreach (var c in token.Length > 40 ? token[..40] + "…" : token)
        {
            builder.Append(c is < ' ' or (>= '\ud800' and <= '\udfff') or '\uFEFF' or '\uFFFE' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.Append('\'').ToString();
    }
}

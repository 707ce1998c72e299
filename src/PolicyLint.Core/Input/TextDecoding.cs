using System.Text;
using System.Text.Unicode;

namespace PolicyLint.Input;

public enum ContentKind
{
    Empty,
    Text,
    Binary,
}

/// <summary>
/// Turns a file's bytes into UTF-8 text whatever Windows wrote: UTF-8 with or without BOM, UTF-16LE/BE with BOM,
/// or UTF-16LE without BOM (PowerShell 5 Out-File and some export tools).
/// </summary>
public static class TextDecoding
{
    /// <summary>Decodes to UTF-8 bytes without BOM. Returns Binary when the bytes are not text in any of those encodings.</summary>
    public static ContentKind Decode(ReadOnlySpan<byte> raw, out byte[] utf8, out string encodingName)
    {
        var kind = Classify(raw, out var start, out var transcoded, out encodingName);
        utf8 = kind != ContentKind.Text ? [] : transcoded ?? raw[start..].ToArray();
        return kind;
    }

    /// <summary>
    /// What the bytes are, without copying them: UTF-8 text is <paramref name="raw"/> from <paramref name="utf8Start"/>
    /// on (after a BOM); UTF-16 text comes back transcoded to UTF-8 in <paramref name="transcoded"/>.
    /// </summary>
    public static ContentKind Classify(ReadOnlySpan<byte> raw, out int utf8Start, out byte[]? transcoded, out string encodingName)
    {
        utf8Start = 0;
        transcoded = null;
        encodingName = "utf-8";
        if (raw.IsEmpty)
        {
            return ContentKind.Empty;
        }

        if (raw.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Start = 3;
            return ClassifyUtf8(raw[3..]);
        }

        if (raw.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encodingName = "utf-16le";
            return TryUtf16(raw[2..], Encoding.Unicode, out transcoded);
        }

        if (raw.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encodingName = "utf-16be";
            return TryUtf16(raw[2..], Encoding.BigEndianUnicode, out transcoded);
        }

        if (raw.Length >= 4 && raw.Length % 2 == 0 && LooksLikeUtf16(raw, out var bigEndian))
        {
            encodingName = bigEndian ? "utf-16be" : "utf-16le";
            return TryUtf16(raw, bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode, out transcoded);
        }

        return ClassifyUtf8(raw);
    }

    /// <summary>
    /// Where the first character other than a space, tab or line break is, or -1. A loop: format detection looks at
    /// the first bytes of every file, and the vectorized search would be JIT-compiled at every start for it.
    /// </summary>
    public static int FirstNonWhitespace(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> raw, out bool bigEndian)
    {
        // ASCII-range text in UTF-16 has a zero in every other byte; count over a prefix.
        var sample = raw[..Math.Min(raw.Length, 512)];
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            zeroEven += sample[i] == 0 ? 1 : 0;
            zeroOdd += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        bigEndian = zeroEven > zeroOdd;
        return Math.Max(zeroEven, zeroOdd) * 10 >= pairs * 7 && Math.Min(zeroEven, zeroOdd) * 10 < pairs;
    }

    private static ContentKind ClassifyUtf8(ReadOnlySpan<byte> text) =>
        text.IndexOf((byte)0) >= 0 || !Utf8.IsValid(text) ? ContentKind.Binary
        : text.IsEmpty ? ContentKind.Empty
        : ContentKind.Text;

    private static ContentKind TryUtf16(ReadOnlySpan<byte> raw, Encoding encoding, out byte[]? utf8)
    {
        utf8 = null;
        try
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            var text = strict.GetString(raw);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                return ContentKind.Binary;
            }

            utf8 = Encoding.UTF8.GetBytes(text);
            return utf8.Length == 0 ? ContentKind.Empty : ContentKind.Text;
        }
        catch (DecoderFallbackException)
        {
            return ContentKind.Binary;
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using PolicyLint.Input;

namespace PolicyLint.Json;

/// <summary>
/// Decides from a JSON document's text, without parsing it, that a reader would take nothing from it: no marker its
/// readers declare occurs in it, and nothing in it could make a full parse report a read error. The text is searched
/// with vectorized multi-string searches (<see cref="SearchValues{T}"/> of strings, case-insensitive); wherever one of
/// the assumptions below could fail, the document is parsed.
/// </summary>
/// <remarks>
/// What it assumes, and how each assumption is checked or made safe:
/// <list type="bullet">
/// <item>A document that starts with <c>{</c> or <c>[</c> and ends with the matching bracket (after whitespace) is one
/// well-formed JSON value. Anything else (a truncated export, text after the value, a whole file that is one JSON
/// string) is parsed, so it still gives PL0001. Damage inside an otherwise complete file (a flipped byte, more than 128
/// levels of nesting, two values glued together) is not looked for: such a file without markers is skipped, not
/// reported.</item>
/// <item>Markers are written without JSON escapes. A <c>\u</c> escape whose character occurs in a marker (or is a
/// quote, backslash, bracket or whitespace) makes the document parsed; escapes of other characters (<c>\u0027</c> for
/// an apostrophe, accented letters) are common in exports and change nothing. No marker holds a slash (<c>\/</c>) or
/// a character JSON must escape.</item>
/// <item>Readers parse JSON text held in a string value (CIPP wrappers, double-encoded files) and report it when it is
/// not JSON. A string that starts with <c>{</c> or <c>[</c>, possibly after whitespace or an escape, makes the document
/// parsed. Markers inside such text are found anyway: they are written there unescaped too.</item>
/// <item>Markers are also looked for in the document's path: readers take meaning from folder names (IntuneCD files
/// intents by template name).</item>
/// </list>
/// How it searches: each marker is looked for by an anchor, a piece of it of up to eight characters chosen to be rare
/// in exports (it starts where a camel-case word ends, as in <c>rWork</c> of <c>PassportForWork</c>, so the search
/// seldom stops on the common words of Graph JSON); where an anchor occurs, the whole marker is compared. Anchors go
/// into searches of at most eight strings each, and the two-character spots of the assumptions above into one more:
/// with more strings, or short ones mixed with long ones, the vectorized search (Teddy) stops at many more places
/// (measured in docs/performance.md). The anchors only decide how fast the search is, never what it finds.
/// </remarks>
public sealed class JsonPrefilter
{
    private const char Quote = '"';
    private const char Backslash = '\\';
    private const string UnicodeEscape = "\\u";

    /// <summary>Strings per search: up to eight, the vectorized search gives each its own bucket.</summary>
    private const int StringsPerSearch = 8;

    /// <summary>Longest anchor: long enough to be rare, short enough to keep the verification cheap.</summary>
    private const int AnchorLength = 8;

    /// <summary>Bytes decoded per step: a 50 KB profile takes two; the buffer stays small whatever the file's size.</summary>
    private const int ChunkBytes = 32 * 1024;

    /// <summary>Where a string starts with JSON text, or could after spaces or an escape (<c>"{</c>, <c>"[</c>, <c>" </c>, <c>"\</c>), and escapes.</summary>
    private static readonly SearchValues<string> SuspectSpots =
        SearchValues.Create(["\"{", "\"[", "\" ", "\"\\", UnicodeEscape], StringComparison.Ordinal);

    /// <summary>
    /// Whitespace outside ASCII that <see cref="string.TrimStart()"/> removes and JSON may hold raw in a string: every
    /// character above U+007F for which <see cref="char.IsWhiteSpace(char)"/> holds (a test checks the list).
    /// </summary>
    internal const string NonAsciiWhitespaceCharacters =
        "\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    private static readonly SearchValues<char> NonAsciiWhitespace = SearchValues.Create(NonAsciiWhitespaceCharacters);

    /// <summary>Letter frequencies of English text (per cent), the rarity estimate for choosing anchors.</summary>
    private static readonly double[] LetterFrequency =
    [
        8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.8, 4.0, 2.4, 6.7, 7.5, 1.9, 0.1, 6.0, 6.3, 9.1, 2.8, 1.0, 2.4, 0.15, 2.0, 0.07,
    ];

    /// <summary>What a marker must not hold: characters JSON escapes or may escape.</summary>
    private static readonly SearchValues<char> UnsafeInMarkers = SearchValues.Create(
        "\"\\/\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private readonly ContentMarker[] _markers;
    private readonly SearchValues<string>[] _anchorSearches;
    private readonly Anchor[] _anchors;
    private readonly SearchValues<char> _escapedMarkerChars;
    private readonly int _margin;
    private readonly int _carry;

    public JsonPrefilter(IEnumerable<ContentMarker> markers)
    {
        _markers = [.. ContentMarker.Minimal(markers)];
        foreach (var marker in _markers)
        {
            if (marker.Text.Length < 3 || !Ascii.IsValid(marker.Text) || marker.Text.AsSpan().IndexOfAny(UnsafeInMarkers) >= 0)
            {
                throw new ArgumentException($"marker '{marker.Text}' is shorter than three characters, or holds a character JSON may escape; the prefilter cannot find it reliably", nameof(markers));
            }
        }

        var anchors = new List<Anchor>();
        foreach (var marker in _markers)
        {
            var text = AnchorOf(marker.Text);
            if (!anchors.Exists(a => string.Equals(a.Text, text, StringComparison.OrdinalIgnoreCase)))
            {
                anchors.Add(new Anchor(text, OccurrencesIn(text, _markers)));
            }
        }

        _anchors = [.. anchors];
        _anchorSearches = [.. _anchors.Select(a => a.Text).Chunk(StringsPerSearch).Select(group => SearchValues.Create(group, StringComparison.OrdinalIgnoreCase))];
        var alphabet = new StringBuilder("\"\\{[");
        foreach (var marker in _markers)
        {
            alphabet.Append(marker.Text.ToUpperInvariant()).Append(marker.Text.ToLowerInvariant());
        }

        _escapedMarkerChars = SearchValues.Create(alphabet.ToString());

        // A spot found in the last _margin characters of a chunk is judged in the next chunk, which carries the tail
        // of this one: enough to hold the marker around an anchor, with the character before and after it.
        var longest = 0;
        foreach (var marker in _markers)
        {
            longest = Math.Max(longest, marker.Text.Length);
        }

        _margin = longest + 8;
        _carry = _margin + longest + 8;
    }

    /// <summary>The markers after dropping those another one implies (what is verified where an anchor occurs).</summary>
    public IReadOnlyList<ContentMarker> Markers => _markers;

    /// <summary>The anchors searched for, in search order.</summary>
    public IReadOnlyList<string> Anchors => [.. _anchors.Select(a => a.Text)];

    /// <summary>True when the document must be parsed: a marker occurs, or an assumption above cannot be confirmed.</summary>
    public bool MustParse(ReadOnlySpan<byte> utf8, string path)
    {
        if (!LooksComplete(utf8) || NamesMarker(path))
        {
            return true;
        }

        // Decoded a chunk at a time into one small buffer; the tail of each chunk is carried into the next.
        var buffer = ArrayPool<char>.Shared.Rent(_carry + ChunkBytes + 4);
        try
        {
            var decoder = Encoding.UTF8.GetDecoder();
            var carried = 0;
            while (true)
            {
                var chunk = utf8[..Math.Min(ChunkBytes, utf8.Length)];
                utf8 = utf8[chunk.Length..];
                var isLast = utf8.IsEmpty;
                var text = buffer.AsSpan(0, carried + decoder.GetChars(chunk, buffer.AsSpan(carried), flush: isLast));
                var limit = isLast ? text.Length : Math.Max(0, text.Length - _margin);
                if (FindsMarker(text, limit) || FindsSuspectSpot(text, limit))
                {
                    return true;
                }

                if (isLast)
                {
                    return false;
                }

                carried = Math.Min(_carry, text.Length);
                text[^carried..].CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A piece of the marker that is rare in exports: it starts at the trigram that spans a camel-case word boundary
    /// (else a separator, else any), the one least likely by English letter frequencies.
    /// </summary>
    internal static string AnchorOf(string marker)
    {
        if (marker.Length <= 3)
        {
            return marker;
        }

        var best = (Class: int.MaxValue, Score: double.MaxValue, Start: 0);
        for (var i = 0; i + 3 <= marker.Length; i++)
        {
            var (a, b, c) = (marker[i], marker[i + 1], marker[i + 2]);
            var kind = char.IsLower(a) && char.IsUpper(b) ? 0 : char.IsLetterOrDigit(a) && !char.IsLetterOrDigit(b) && char.IsLetterOrDigit(c) ? 1 : 2;
            var score = Frequency(a) * Frequency(b) * Frequency(c);
            if (kind < best.Class || (kind == best.Class && score < best.Score))
            {
                best = (kind, score, i);
            }
        }

        return marker.Substring(best.Start, Math.Min(AnchorLength, marker.Length - best.Start));
    }

    private static double Frequency(char c) => c switch
    {
        >= 'a' and <= 'z' => LetterFrequency[c - 'a'],
        >= 'A' and <= 'Z' => LetterFrequency[c - 'A'],
        >= '0' and <= '9' => 5,
        ' ' => 15,
        _ => 10,
    };

    /// <summary>Where the anchor occurs in each marker (a marker may hold it more than once).</summary>
    private static Occurrence[] OccurrencesIn(string anchor, IEnumerable<ContentMarker> markers)
    {
        var found = new List<Occurrence>();
        foreach (var marker in markers)
        {
            for (var at = marker.Text.IndexOf(anchor, StringComparison.OrdinalIgnoreCase); at >= 0; at = marker.Text.IndexOf(anchor, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new Occurrence(marker, at));
            }
        }

        return [.. found];
    }

    /// <summary>Readers take meaning from some folder names (IntuneCD files intents under the template's name).</summary>
    private bool NamesMarker(string path)
    {
        foreach (var marker in _markers)
        {
            if (path.Contains(marker.Text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts with an object or array and ends with its closing bracket: not cut off, nothing after it.</summary>
    private static bool LooksComplete(ReadOnlySpan<byte> utf8)
    {
        var trimmed = utf8.Trim(" \t\r\n"u8);
        return trimmed.Length >= 2
            && ((trimmed[0] == (byte)'{' && trimmed[^1] == (byte)'}') || (trimmed[0] == (byte)'[' && trimmed[^1] == (byte)']'));
    }

    /// <summary>A marker around an anchor that starts before <paramref name="limit"/>.</summary>
    private bool FindsMarker(ReadOnlySpan<char> text, int limit)
    {
        foreach (var search in _anchorSearches)
        {
            for (var offset = 0; ;)
            {
                var hit = text[offset..].IndexOfAny(search);
                var at = offset + hit;
                if (hit < 0 || at >= limit)
                {
                    break;
                }

                if (MarkerAt(text, at))
                {
                    return true;
                }

                offset = at + 1;
            }
        }

        return false;
    }

    private bool MarkerAt(ReadOnlySpan<char> text, int at)
    {
        foreach (var anchor in _anchors)
        {
            if (!text[at..].StartsWith(anchor.Text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var (marker, offset) in anchor.Occurrences)
            {
                var start = at - offset;
                if (start >= 0 && text[start..].StartsWith(marker.Text, StringComparison.OrdinalIgnoreCase)
                    && (marker.Match == MarkerMatch.Anywhere || IsWholeString(text, start, marker.Text.Length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>An escape, or a string that may start with JSON text, before <paramref name="limit"/>.</summary>
    private bool FindsSuspectSpot(ReadOnlySpan<char> text, int limit)
    {
        for (var offset = 0; ;)
        {
            var hit = text[offset..].IndexOfAny(SuspectSpots);
            var at = offset + hit;
            if (hit < 0 || at >= limit)
            {
                break;
            }

            if (text[at] == Backslash ? EscapeMatters(text, at) : StringMayStartWithJsonText(text[at..]))
            {
                return true;
            }

            offset = at + 1;
        }

        if (Ascii.IsValid(text))
        {
            return false;
        }

        // A string that starts with whitespace outside ASCII (a no-break space before JSON text).
        for (var offset = 0; ;)
        {
            var hit = text[offset..].IndexOfAny(NonAsciiWhitespace);
            var at = offset + hit;
            if (hit < 0 || at >= limit)
            {
                return false;
            }

            if (at > 0 && text[at - 1] == Quote)
            {
                return true;
            }

            offset = at + 1;
        }
    }

    /// <summary>
    /// A <c>\uXXXX</c> escape whose character could be part of a marker, a quote or a bracket, or whitespace before
    /// JSON text; a <c>\u</c> without four hex digits is a syntax error. After an escaped backslash
    /// (<c>C:\\users</c>) it is plain text: in JSON text inside a string it would be an escape, but a string holding JSON
    /// text starts with a bracket, and that alone makes the document parsed.
    /// </summary>
    private bool EscapeMatters(ReadOnlySpan<char> text, int at)
    {
        if (IsEscaped(text, at))
        {
            return false;
        }

        var rest = text[at..];
        return rest.Length < 6
            || !ushort.TryParse(rest.Slice(2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || _escapedMarkerChars.Contains((char)code)
            || char.IsWhiteSpace((char)code);
    }

    /// <summary>
    /// After a quote: a string whose first non-space character is <c>{</c> or <c>[</c> (readers parse it as JSON), or
    /// that starts with an escaped control character (<c>\n</c>, <c>\t</c>: whitespace that may come before JSON text).
    /// <c>\u</c> is checked on its own; a string that starts with a quote, a backslash or a slash is never JSON text. A
    /// quote that ends a string is followed by <c>:</c>, <c>,</c> or a bracket in valid JSON; spaces before a colon
    /// (<c>"key" : 1</c>) are skipped.
    /// </summary>
    private static bool StringMayStartWithJsonText(ReadOnlySpan<char> fromQuote)
    {
        var next = fromQuote[1..].TrimStart(' ');
        if (next.IsEmpty)
        {
            return true;
        }

        if (next[0] == Backslash)
        {
            return next.Length < 2 || next[1] is not (Quote or Backslash or '/' or 'u');
        }

        return next[0] is '{' or '[';
    }

    /// <summary>
    /// An odd run of backslashes before <paramref name="at"/>: the character there is escaped. A run that reaches the
    /// start of the buffer may have begun in an earlier chunk: then it is not known, and taken as not escaped.
    /// </summary>
    private static bool IsEscaped(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at].LastIndexOfAnyExcept(Backslash);
        return before >= 0 && (at - before - 1) % 2 == 1;
    }

    /// <summary>The marker is a whole JSON string: a quote before it and a quote (or the escape of an embedded quote) after it.</summary>
    private static bool IsWholeString(ReadOnlySpan<char> text, int at, int length) =>
        at > 0 && text[at - 1] == Quote && at + length < text.Length && text[at + length] is Quote or Backslash;

    /// <summary>An anchor and where it sits in the markers that hold it.</summary>
    private sealed record Anchor(string Text, Occurrence[] Occurrences);

    /// <summary>A marker holding an anchor <paramref name="Offset"/> characters after its start.</summary>
    private sealed record Occurrence(ContentMarker Marker, int Offset);
}

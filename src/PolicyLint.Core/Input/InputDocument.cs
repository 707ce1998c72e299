using System.Diagnostics.CodeAnalysis;

namespace PolicyLint.Input;

/// <summary>
/// A named document the read stage takes: a file on disk (read when its unit is read, so memory holds one unit at a
/// time), or bytes already in memory (a tenant pull). <see cref="Name"/> is the full path or the virtual name the
/// readers look at (folder names such as <c>Machine</c> or <c>Management Intents</c> carry meaning);
/// <see cref="DisplayPath"/> is what findings show.
/// </summary>
public sealed class InputDocument
{
    private readonly byte[]? _content;

    private InputDocument(string displayPath, string name, byte[]? content)
    {
        DisplayPath = displayPath;
        Name = name;
        _content = content;
    }

    public string DisplayPath { get; }

    public string Name { get; }

    /// <summary>True when the bytes are already in memory (not a file on disk).</summary>
    public bool InMemory => _content is not null;

    public static InputDocument FromFile(string displayPath, string fullPath) => new(displayPath, fullPath, null);

    public static InputDocument FromBytes(string displayPath, byte[] content) => new(displayPath, displayPath, content);

    /// <summary>The file name part of <see cref="Name"/>.</summary>
    public string FileName => System.IO.Path.GetFileName(Name);

    internal byte[]? Content => _content;
}

/// <summary>
/// What the read stage reads as one: a document, and the documents that belong to it and are read with it (a GPO
/// backup's gpreport.xml with its registry.pol files and bkupInfo.xml), so readers never open other files themselves.
/// </summary>
public sealed record InputUnit(InputDocument Primary, bool NamedExplicitly, IReadOnlyList<InputDocument> Companions)
{
    public static InputUnit Single(InputDocument document, bool namedExplicitly) => new(document, namedExplicitly, []);
}

/// <summary>
/// A document's bytes, decoded once: every reader and the format detection see the same decoded text. The bytes of a
/// file are read into a buffer borrowed from a pool and given back when its unit has been read (a folder of 20,000
/// files allocates no array per file); <see cref="Raw"/> and <see cref="Utf8"/> copy them out for readers that keep
/// arrays (parsers), the spans do not copy.
/// </summary>
public sealed class DecodedDocument
{
    [ThreadStatic]
    private static long t_decodeCount;

    private readonly ReadOnlyMemory<byte> _raw;
    private readonly ReadOnlyMemory<byte> _text;
    private byte[]? _pooled;
    private byte[]? _rawArray;
    private byte[]? _textArray;
    private bool _released;

    private DecodedDocument(InputDocument source, ReadOnlyMemory<byte> raw, byte[]? pooled)
    {
        Source = source;
        _raw = raw;
        _pooled = pooled;
        Kind = TextDecoding.Classify(raw.Span, out var start, out var transcoded, out var encoding);
        _text = Kind != ContentKind.Text ? ReadOnlyMemory<byte>.Empty : transcoded ?? raw[start..];
        EncodingName = encoding;
        t_decodeCount++;
    }

    public InputDocument Source { get; }

    public string DisplayPath => Source.DisplayPath;

    public string Name => Source.Name;

    public string FileName => Source.FileName;

    /// <summary>The bytes as stored (Registry.pol is read from these), as an array of their own.</summary>
    public byte[] Raw => _rawArray ??= ExactArray(_raw);

    /// <summary>The bytes as stored, without copying.</summary>
    public ReadOnlySpan<byte> RawSpan => Live(_raw).Span;

    public ContentKind Kind { get; }

    /// <summary>The text as UTF-8 without BOM (empty unless <see cref="Kind"/> is Text), as an array of its own.</summary>
    public byte[] Utf8 => _textArray ??= ExactArray(_text);

    /// <summary>The text as UTF-8 without BOM, without copying.</summary>
    public ReadOnlySpan<byte> Utf8Span => Live(_text).Span;

    public string EncodingName { get; }

    public bool IsText => Kind == ContentKind.Text;

    /// <summary>How many documents have been decoded on this thread (the read stage decodes each document once, on the caller's thread).</summary>
    public static long DecodeCountOnThisThread => t_decodeCount;

    public static DecodedDocument Decode(InputDocument source, byte[] raw) => new(source, raw, pooled: null);

    /// <summary>The first <paramref name="length"/> bytes of a pooled buffer; <see cref="Release"/> gives the buffer back.</summary>
    internal static DecodedDocument DecodePooled(InputDocument source, byte[] pooled, int length) => new(source, pooled.AsMemory(0, length), pooled);

    /// <summary>Gives a pooled buffer back; the document's arrays already copied out stay usable, its spans do not.</summary>
    internal void Release()
    {
        if (_pooled is { } buffer)
        {
            _pooled = null;
            _released = true;
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ReadOnlyMemory<byte> Live(ReadOnlyMemory<byte> memory) =>
        _released ? throw new InvalidOperationException($"the bytes of {DisplayPath} were released when its unit had been read") : memory;

    /// <summary>An array of exactly the bytes: the one already holding them when it is not pooled, else a copy.</summary>
    private byte[] ExactArray(ReadOnlyMemory<byte> memory)
    {
        memory = Live(memory);
        return _pooled is null && System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment)
            && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
    }
}

/// <summary>A unit as readers get it: the primary document and its companions, each decoded once.</summary>
public sealed record DecodedUnit(DecodedDocument Primary, bool NamedExplicitly, IReadOnlyList<DecodedDocument> Companions)
{
    public string DisplayPath => Primary.DisplayPath;

    /// <summary>The companion with this file name (case-insensitive), if the unit has one.</summary>
    public DecodedDocument? Companion(Func<DecodedDocument, bool> match) => Companions.FirstOrDefault(match);
}

/// <summary>Reads one kind of input, recognised by content. The read stage detects the format once, then calls one reader.</summary>
public interface IPolicyReader
{
    /// <summary>Short format name, e.g. "Intune JSON export".</summary>
    string FormatName { get; }

    /// <summary>A cheap check of the decoded primary document: is it in this reader's format?</summary>
    bool Claims(DecodedDocument document);

    /// <summary>Reads a unit this reader claimed.</summary>
    ReadResult Read(DecodedUnit unit);

    /// <summary>
    /// Before <see cref="Read"/>, on a claimed document read on its own: true, with the reason to report, when the
    /// document's text alone shows that reading it would give no source, no group name and no read error (so the
    /// read stage skips it unparsed, and counts it as skipped as a full read would). False whenever that cannot be
    /// shown cheaply. Readers that cannot tell keep this default.
    /// </summary>
    bool TrySkipUnread(DecodedDocument document, [NotNullWhen(true)] out string? reason)
    {
        reason = null;
        return false;
    }
}

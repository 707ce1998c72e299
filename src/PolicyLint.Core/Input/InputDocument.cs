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
    private readonly string? _name;
    private readonly string? _workingDirectory;

    private InputDocument(string displayPath, string? name, string? workingDirectory, byte[]? content)
    {
        DisplayPath = displayPath;
        _name = name;
        _workingDirectory = workingDirectory;
        _content = content;
    }

    public string DisplayPath { get; }

    /// <summary>
    /// The full path: kept as given, or (for a file below the working directory) joined again from the working
    /// directory and the display path whenever it is asked for, so a run over 20,000 files does not hold 20,000
    /// full paths next to their display paths.
    /// </summary>
    public string Name => _name ?? System.IO.Path.Join(_workingDirectory, DisplayPath);

    /// <summary>True when the bytes are already in memory (not a file on disk).</summary>
    public bool InMemory => _content is not null;

    public static InputDocument FromFile(string displayPath, string fullPath) => new(displayPath, fullPath, null, null);

    /// <summary>A file whose display path is relative to <paramref name="workingDirectory"/> (shared by every file of a run).</summary>
    public static InputDocument FromFile(string displayPath, string fullPath, string workingDirectory) =>
        !System.IO.Path.IsPathRooted(displayPath) && string.Equals(System.IO.Path.Join(workingDirectory, displayPath), fullPath, StringComparison.Ordinal)
            ? new(displayPath, null, workingDirectory, null)
            : new(displayPath, fullPath, null, null);

    public static InputDocument FromBytes(string displayPath, byte[] content) => new(displayPath, displayPath, null, content);

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
/// file are read into a buffer borrowed from <see cref="ReadBuffers"/> and given back when its unit has been read (a folder of 20,000
/// files allocates no array, and no large-object array, per file). Readers and parsers use the spans and memory of
/// the buffer, which refuse access once it is given back; <see cref="Raw"/> and <see cref="Utf8"/> copy it out.
/// </summary>
public sealed class DecodedDocument
{
    [ThreadStatic]
    private static long t_decodeCount;

    private readonly ReadOnlyMemory<byte> _raw;
    private readonly ReadOnlyMemory<byte> _text;
    private readonly PooledBytes? _pooled;
    private byte[]? _rawArray;
    private byte[]? _textArray;

    private DecodedDocument(InputDocument source, ReadOnlyMemory<byte> raw, PooledBytes? pooled)
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
    public ReadOnlySpan<byte> RawSpan => _raw.Span;

    public ContentKind Kind { get; }

    /// <summary>The text as UTF-8 without BOM (empty unless <see cref="Kind"/> is Text), as an array of its own.</summary>
    public byte[] Utf8 => _textArray ??= ExactArray(_text);

    /// <summary>The text as UTF-8 without BOM, without copying.</summary>
    public ReadOnlySpan<byte> Utf8Span => _text.Span;

    /// <summary>
    /// The text as UTF-8 without BOM, without copying: readable until the read stage has read the unit (parsers build
    /// a tree over it, and results keep locations, not the text).
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Memory => _text;

    public string EncodingName { get; }

    public bool IsText => Kind == ContentKind.Text;

    /// <summary>How many documents have been decoded on this thread (the read stage decodes each document once, on the caller's thread).</summary>
    public static long DecodeCountOnThisThread => t_decodeCount;

    public static DecodedDocument Decode(InputDocument source, byte[] raw) => new(source, raw, pooled: null);

    /// <summary>The first <paramref name="length"/> bytes of a pooled buffer; <see cref="Release"/> gives the buffer back.</summary>
    internal static DecodedDocument DecodePooled(InputDocument source, byte[] buffer, int length)
    {
        var pooled = new PooledBytes(buffer, length);
        return new(source, pooled.Memory, pooled);
    }

    /// <summary>Gives a pooled buffer back; arrays already copied out stay usable, spans and memory throw.</summary>
    internal void Release() => _pooled?.Release();

    /// <summary>An array of exactly the bytes: the one already holding them when it is not pooled, else a copy.</summary>
    private static byte[] ExactArray(ReadOnlyMemory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment)
        && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    /// <summary>A buffer from <see cref="ReadBuffers"/>: its memory cannot be read once it is given back.</summary>
    private sealed class PooledBytes(byte[] buffer, int length) : System.Buffers.MemoryManager<byte>
    {
        private byte[]? _buffer = buffer;

        public void Release()
        {
            if (Interlocked.Exchange(ref _buffer, null) is { } returned)
            {
                ReadBuffers.Shared.Return(returned);
            }
        }

        public override Span<byte> GetSpan() =>
            _buffer is { } live ? live.AsSpan(0, length) : throw new InvalidOperationException("the bytes of a document were read after the read stage gave its buffer back");

        public override System.Buffers.MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException("pooled document bytes are not pinned");

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing) => Release();
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

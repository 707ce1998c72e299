using System.Text;
using PolicyLint.Model;

namespace PolicyLint.Input;

/// <summary>
/// A text document held as UTF-8 bytes, able to turn a byte offset into file, line and column. A document can be
/// embedded in another one (JSON text inside a JSON string: CIPP templates, IntuneManagement _Settings files,
/// Account Protection valueJson): its offsets then map back through the escapes to the file a user can open.
/// </summary>
public sealed class SourceDocument
{
    private readonly SourceDocument? _parent;
    private readonly int[]? _parentOffsets;
    private int[]? _lineStarts;

    private SourceDocument(string filePath, ReadOnlyMemory<byte> utf8, SourceDocument? parent, int[]? parentOffsets)
    {
        FilePath = filePath;
        Utf8 = utf8;
        _parent = parent;
        _parentOffsets = parentOffsets;
    }

    /// <summary>The path as it is shown in findings.</summary>
    public string FilePath { get; }

    /// <summary>
    /// The text. For a file read by the read stage it lies in a pooled buffer that goes back to the pool when the
    /// file has been read: a document (and the JSON, XML or YAML tree over it) lives only while its reader runs;
    /// results keep <see cref="SourceLocation"/>s, never the document.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    public bool IsEmbedded => _parent is not null;

    public static SourceDocument FromUtf8(string filePath, ReadOnlyMemory<byte> utf8) => new(filePath, utf8, null, null);

    /// <summary>A document whose byte i sits at <paramref name="parentOffsets"/>[i] in <paramref name="parent"/>.</summary>
    public static SourceDocument Embedded(SourceDocument parent, byte[] utf8, int[] parentOffsets) =>
        new(parent.FilePath, utf8, parent, parentOffsets);

    /// <summary>The location of a byte range, in the outermost file's lines and columns (1-based, UTF-16 columns).</summary>
    public SourceLocation Locate(int offset, int length = 0)
    {
        if (_parent is not null)
        {
            var start = MapToParent(offset);
            var end = length > 0 ? MapToParent(offset + length - 1) + 1 : start;
            return _parent.Locate(start, end - start);
        }

        offset = Math.Clamp(offset, 0, Utf8.Length);
        var lines = LineStarts();
        var line = Array.BinarySearch(lines, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var lineStart = lines[line];
        var column = Encoding.UTF8.GetCharCount(Utf8.Span[lineStart..offset]) + 1;
        return new SourceLocation(FilePath, line + 1, column, offset, Math.Max(length, 0));
    }

    /// <summary>The location of a 0-based line and byte position in that line (as System.Text.Json reports errors).</summary>
    public SourceLocation LocateLineByte(long line, long bytePositionInLine)
    {
        var lines = LineStarts();
        var index = (int)Math.Clamp(line, 0, lines.Length - 1);
        return Locate((int)Math.Min(lines[index] + bytePositionInLine, Utf8.Length));
    }

    private int MapToParent(int offset)
    {
        var map = _parentOffsets!;
        if (map.Length == 0)
        {
            return 0;
        }

        return offset >= map.Length ? map[^1] + 1 : map[Math.Max(offset, 0)];
    }

    private int[] LineStarts()
    {
        if (_lineStarts is not null)
        {
            return _lineStarts;
        }

        var starts = new List<int> { 0 };
        var bytes = Utf8.Span;
        var position = 0;
        while (true)
        {
            // Vectorized search for the next line break; \r\n counts once, a lone \r ends a line too.
            var next = bytes[position..].IndexOfAny((byte)'\n', (byte)'\r');
            if (next < 0)
            {
                break;
            }

            position += next;
            if (bytes[position] == (byte)'\r' && position + 1 < bytes.Length && bytes[position + 1] == (byte)'\n')
            {
                position++;
            }

            position++;
            starts.Add(position);
        }

        return _lineStarts = [.. starts];
    }
}

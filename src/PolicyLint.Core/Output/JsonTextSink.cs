using System.Text;
using System.Text.Json;

namespace PolicyLint.Output;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose bytes go to a <see cref="TextWriter"/> a piece at a time: the JSON writers
/// (SARIF, JSON, Code Climate, the policy model) call <see cref="Drain"/> after each finding or object, so a report of
/// 100,000 findings is never held whole, as bytes or as a string. What is buffered at once is one
/// <see cref="ChunkBytes"/> chunk plus the object being written.
/// </summary>
internal sealed class JsonTextSink : IDisposable
{
    /// <summary>How much the JSON writer may buffer before it is handed on; also the largest single write to the output.</summary>
    public const int ChunkBytes = 64 * 1024;

    private readonly MemoryStream _stream = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly char[] _chars = new char[ChunkBytes + 16];
    private readonly TextWriter _output;

    public JsonTextSink(TextWriter output, JsonWriterOptions options)
    {
        _output = output;
        Json = new Utf8JsonWriter(_stream, options);
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>Hands what the JSON writer has produced to the output once a chunk has gathered (always: all of it).</summary>
    public void Drain(bool always = false)
    {
        Json.Flush();
        if (!always && _stream.Length < ChunkBytes)
        {
            return;
        }

        var bytes = _stream.GetBuffer().AsSpan(0, (int)_stream.Length);
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(bytes.Length, ChunkBytes);
            // flush: false keeps a UTF-8 sequence split at the chunk's end for the next chunk.
            var count = _decoder.GetChars(bytes[..take], _chars, flush: false);
            _output.Write(_chars, 0, count);
            bytes = bytes[take..];
        }

        _stream.SetLength(0);
    }

    /// <summary>Writes the rest and ends the document with a new line, as every JSON writer's output does.</summary>
    public void Finish()
    {
        Drain(always: true);
        _output.WriteLine();
    }

    public void Dispose()
    {
        Json.Dispose();
        _stream.Dispose();
    }
}

using System.Numerics;

namespace PolicyLint.Input;

/// <summary>
/// Buffers for the bytes of files being read. The read stage reads one unit at a time, so one buffer, as large as the
/// largest file so far, serves a whole run: the shared array pool would keep a buffer of every size class it has seen
/// (about 3 MB at 20,000 exports, docs/performance.md, memory) for the rest of the run. Thread-safe: a unit read while
/// another is (companions, or a caller reading units in parallel) gets a buffer of its own.
/// </summary>
internal sealed class ReadBuffers
{
    /// <summary>A larger buffer is not kept: one exceptional file should not hold its size until the run ends.</summary>
    private const int MaxKeptBytes = 4 * 1024 * 1024;

    private const int MinimumBytes = 64 * 1024;

    private byte[]? _kept;

    /// <summary>The buffers of every read stage.</summary>
    public static ReadBuffers Shared { get; } = new();

    /// <summary>A buffer of at least <paramref name="length"/> bytes: the kept one when it is large enough.</summary>
    public byte[] Rent(int length)
    {
        if (Interlocked.Exchange(ref _kept, null) is { } kept)
        {
            if (kept.Length >= length)
            {
                return kept;
            }

            // Too small for this file: kept for the next one unless the buffer made here replaces it when returned.
            Return(kept);
        }

        // Sizes grow by powers of two, so a run of ever larger files allocates a handful of buffers, not one per file.
        var size = length <= MinimumBytes ? MinimumBytes : (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)length), (uint)Array.MaxLength);
        return new byte[Math.Max(size, length)];
    }

    /// <summary>Gives a buffer back: it is kept when no larger one is.</summary>
    public void Return(byte[] buffer)
    {
        if (buffer.Length > MaxKeptBytes)
        {
            return;
        }

        var kept = Volatile.Read(ref _kept);
        if (kept is null || kept.Length < buffer.Length)
        {
            Interlocked.CompareExchange(ref _kept, buffer, kept);
        }
    }
}

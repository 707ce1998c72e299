using System.Text;

namespace PolicyLint.Analysis;

/// <summary>
/// A long message argument, held as UTF-8 until a writer formats the message. Messages are mostly policy names, paths
/// and values (ASCII), and a large tenant's findings are all held from analysis to output: this halves what they
/// hold (docs/performance.md, memory). Formatting calls <see cref="ToString"/>, so the message reads the same.
/// </summary>
internal sealed class CompactText : IEquatable<CompactText>
{
    /// <summary>Shorter strings stay strings: the array and this object would cost more than they save.</summary>
    private const int MinimumLength = 64;

    private readonly byte[] _utf8;

    private CompactText(string text) => _utf8 = Encoding.UTF8.GetBytes(text);

    /// <summary>The argument itself, or a compact copy of a long string.</summary>
    public static object? From(object? argument) => argument is string { Length: > MinimumLength } text ? new CompactText(text) : argument;

    public override string ToString() => Encoding.UTF8.GetString(_utf8);

    public bool Equals(CompactText? other) => other is not null && _utf8.AsSpan().SequenceEqual(other._utf8);

    public override bool Equals(object? obj) => Equals(obj as CompactText);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_utf8);
        return hash.ToHashCode();
    }
}

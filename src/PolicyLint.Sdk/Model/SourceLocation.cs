using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyLint.Model;

/// <summary>
/// Where something was written: a file with a 1-based line and column (text inputs), or a byte range (binary inputs
/// such as Registry.pol, where <see cref="IsBinary"/> is true and line/column are 0).
/// </summary>
public readonly record struct SourceLocation(string FilePath, int Line, int Column, int Offset, int Length, bool IsBinary = false)
{
    public static SourceLocation ForFile(string filePath) => new(filePath, 0, 0, 0, 0);

    public static SourceLocation ForBytes(string filePath, int byteOffset, int byteLength) =>
        new(filePath, 0, 0, byteOffset, byteLength, IsBinary: true);

    public bool HasPosition => IsBinary || Line > 0;

    /// <summary>The Roslyn location (an external-file location) that diagnostics carry.</summary>
    public Location ToRoslyn()
    {
        var start = new LinePosition(Math.Max(Line - 1, 0), Math.Max(Column - 1, 0));
        // A text position spans one character, so (1,1) stays apart from a whole-file location, whose span is empty.
        var end = HasPosition && !IsBinary ? new LinePosition(start.Line, start.Character + 1) : start;
        return Location.Create(FilePath, new TextSpan(Math.Max(Offset, 0), Math.Max(Length, 0)), new LinePositionSpan(start, end));
    }

    public override string ToString() => IsBinary
        ? $"{FilePath}(byte {Offset})"
        : HasPosition ? $"{FilePath}({Line},{Column})" : FilePath;
}

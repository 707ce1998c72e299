using System.Text;

namespace PolicyLint.Tests.Support;

/// <summary>
/// An inline export with the expected finding spots marked <c>[|like this|]</c>. The markers are removed, and each
/// marked spot's 1-based line and column (UTF-16 columns, as findings report them) is recorded, so tests say
/// "this is wrong here" and never hard-code line numbers.
/// </summary>
public sealed class MarkedExport
{
    private MarkedExport(string text, IReadOnlyList<(int Line, int Column)> spots)
    {
        Text = text;
        Spots = spots;
    }

    public string Text { get; }

    public IReadOnlyList<(int Line, int Column)> Spots { get; }

    public static MarkedExport Parse(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var spots = new List<(int, int)>();
        int line = 1, column = 1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                spots.Add((line, column));
                i++;
                continue;
            }

            if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                i++;
                continue;
            }

            var c = marked[i];
            text.Append(c);
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new MarkedExport(text.ToString(), spots);
    }
}

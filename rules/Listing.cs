namespace PolicyLint.Rules;

/// <summary>
/// Lists in messages. A tenant can hold thousands of profiles that one finding involves: the message names the first
/// <see cref="MaxListed"/> and says how many more, the related locations hold them all, and a large tenant's findings
/// stay small enough to hold until the report is written (docs/performance.md, memory).
/// </summary>
internal static class Listing
{
    /// <summary>Items named in one list of a message.</summary>
    public const int MaxListed = 10;

    /// <summary>What follows "and N more" when the finding's related locations name the rest.</summary>
    public const string SeeRelated = " (see the related locations)";

    /// <summary>"a; b; c", or the first <see cref="MaxListed"/> "and 12 more" and <paramref name="rest"/>; only those listed are described.</summary>
    public static string Join<T>(string separator, IEnumerable<T> items, Func<T, string> describe, string rest = SeeRelated)
    {
        var listed = new List<string>(MaxListed);
        var count = 0;
        foreach (var item in items)
        {
            if (count++ < MaxListed)
            {
                listed.Add(describe(item));
            }
        }

        var text = string.Join(separator, listed);
        return count <= MaxListed ? text : $"{text} and {count - MaxListed} more{rest}";
    }

    /// <summary>As <see cref="Join{T}(string, IEnumerable{T}, Func{T, string}, string)"/> for items already described.</summary>
    public static string Join(string separator, IEnumerable<string> items, string rest = SeeRelated) => Join(separator, items, item => item, rest);
}

namespace PolicyLint.Input;

/// <summary>How a <see cref="ContentMarker"/> has to appear in a document's text.</summary>
public enum MarkerMatch
{
    /// <summary>Anywhere, as part of a longer word or string (a settingDefinitionId prefix, an OMA-URI segment).</summary>
    Anywhere,

    /// <summary>As a whole JSON string (a value a reader compares for equality, or a property name it asks for).</summary>
    WholeString,
}

/// <summary>
/// Text without which a reader takes nothing from a document: the read stage's prefilter parses a document only when
/// one of the markers its reader declares occurs in it (case-insensitively, as the readers compare). Readers derive
/// their markers from the same constants and catalogue entries they compare against, so the two cannot drift apart.
/// </summary>
/// <remarks>A class, not a struct: LINQ over it then runs precompiled (ReadyToRun) code instead of being compiled at start.</remarks>
public sealed record ContentMarker(string Text, MarkerMatch Match = MarkerMatch.Anywhere)
{
    public static ContentMarker Anywhere(string text) => new(text, MarkerMatch.Anywhere);

    public static ContentMarker WholeString(string text) => new(text, MarkerMatch.WholeString);

    /// <summary>
    /// The markers that decide the same as <paramref name="markers"/>: a marker that contains an
    /// <see cref="MarkerMatch.Anywhere"/> marker is implied by it, so it is dropped; duplicates are dropped.
    /// </summary>
    public static IReadOnlyList<ContentMarker> Minimal(IEnumerable<ContentMarker> markers)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var distinct = new List<ContentMarker>();
        foreach (var marker in markers)
        {
            if (!string.IsNullOrEmpty(marker.Text) && seen.Add($"{marker.Match}:{marker.Text}"))
            {
                distinct.Add(marker);
            }
        }

        var minimal = new List<ContentMarker>(distinct.Count);
        foreach (var marker in distinct)
        {
            var implied = false;
            foreach (var other in distinct)
            {
                implied |= other.Match == MarkerMatch.Anywhere
                    && !ReferenceEquals(other, marker)
                    && marker.Text.Contains(other.Text, StringComparison.OrdinalIgnoreCase)
                    && (marker.Match == MarkerMatch.WholeString || marker.Text.Length > other.Text.Length);
            }

            if (!implied)
            {
                minimal.Add(marker);
            }
        }

        return minimal;
    }
}

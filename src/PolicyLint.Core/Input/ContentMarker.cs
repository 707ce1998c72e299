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
public readonly record struct ContentMarker(string Text, MarkerMatch Match = MarkerMatch.Anywhere)
{
    public static ContentMarker Anywhere(string text) => new(text, MarkerMatch.Anywhere);

    public static ContentMarker WholeString(string text) => new(text, MarkerMatch.WholeString);

    /// <summary>
    /// The markers that decide the same as <paramref name="markers"/>: a marker that contains an
    /// <see cref="MarkerMatch.Anywhere"/> marker is implied by it, so it is dropped; duplicates are dropped.
    /// </summary>
    public static IReadOnlyList<ContentMarker> Minimal(IEnumerable<ContentMarker> markers)
    {
        var distinct = markers
            .Where(m => !string.IsNullOrEmpty(m.Text))
            .DistinctBy(m => (m.Text.ToUpperInvariant(), m.Match))
            .ToList();
        return [.. distinct.Where(m => !distinct.Any(other =>
            other.Match == MarkerMatch.Anywhere
            && !other.Equals(m)
            && m.Text.Contains(other.Text, StringComparison.OrdinalIgnoreCase)
            && (m.Match == MarkerMatch.WholeString || m.Text.Length > other.Text.Length)))];
    }
}

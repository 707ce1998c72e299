using PolicyLint.Input;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>What an Intune object reader needs while reading one object out of a document.</summary>
public sealed class IntuneReadContext
{
    public IntuneReadContext(DecodedDocument document, ReadResultBuilder result)
    {
        Document = document;
        Result = result;
    }

    public DecodedDocument Document { get; }

    public ReadResultBuilder Result { get; }

    /// <summary>A display name given by a wrapper around the object (CIPP templates), used when the object has none.</summary>
    public string? WrapperName { get; init; }

    public void Error(JsonNode at, string message) => Result.Error(at.Location, message);

    public void Note(JsonNode at, string message) => Result.Note(at.Location, message);

    /// <summary>The object's display name (displayName, name, Displayname), or a fallback naming the file.</summary>
    public string NameOf(JsonObject obj) =>
        obj.GetString("displayName") ?? obj.GetString("name") ?? WrapperName ?? Path.GetFileNameWithoutExtension(Document.DisplayPath);

    public SourceLocation NameLocationOf(JsonObject obj) =>
        (obj["displayName"] ?? obj["name"])?.Location ?? obj.Location;
}

/// <summary>Reads one kind of Intune object (a profile or policy as Graph returns it).</summary>
public interface IIntuneObjectReader
{
    /// <summary>Returns null when the object is not of this reader's kind. A returned source may hold no WHfB setting.</summary>
    PolicySourceBuilder? TryRead(JsonObject obj, IntuneReadContext context);

    /// <summary>
    /// Text that occurs in every object from which this reader makes a WHfB source or reports an error (compared
    /// case-insensitively), taken from the constants and catalogue entries <see cref="TryRead"/> compares against.
    /// A document with none of the markers of any reader is not parsed.
    /// </summary>
    IReadOnlyList<ContentMarker> Markers { get; }
}

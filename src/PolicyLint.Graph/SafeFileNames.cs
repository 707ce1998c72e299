using System.Text;

namespace PolicyLint.Graph;

/// <summary>
/// File names for objects of one folder, made from their display names: characters no file system takes become '_',
/// no name can climb out of the folder (<c>..\..\x</c>) or be hidden, reserved Windows device names (CON, NUL, COM1...)
/// get a leading '_', and names that collide, also by case only, get " (2)", " (3)"... in the order objects come.
/// </summary>
internal sealed class SafeFileNames
{
    private const int MaxStemLength = 120;

    private static readonly HashSet<string> ReservedWindowsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The next object's file name (<c>name.json</c>), from its display name, else its id.</summary>
    public string Next(string? displayName, string? id)
    {
        var stem = Clean(displayName) ?? Clean(id) ?? "unnamed";
        var candidate = stem;
        for (var n = 2; !_used.Add(candidate); n++)
        {
            candidate = $"{stem} ({n})";
        }

        return candidate + ".json";
    }

    /// <summary>A display name as a safe file stem, or null when nothing usable is left.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*' ? '_' : c);
        }

        // Leading dots would hide the file or, as "." and "..", name a folder; trailing dots and spaces Windows drops.
        var stem = builder.ToString().Trim().Trim('.').Trim();
        if (stem.Length > MaxStemLength)
        {
            var cut = char.IsHighSurrogate(stem[MaxStemLength - 1]) ? MaxStemLength - 1 : MaxStemLength;
            stem = stem[..cut].TrimEnd('.', ' ');
        }

        if (stem.Length == 0)
        {
            return null;
        }

        var firstDot = stem.IndexOf('.', StringComparison.Ordinal);
        var baseName = (firstDot < 0 ? stem : stem[..firstDot]).TrimEnd();
        return ReservedWindowsNames.Contains(baseName) ? "_" + stem : stem;
    }
}

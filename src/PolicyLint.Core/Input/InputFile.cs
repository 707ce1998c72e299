namespace PolicyLint.Input;

/// <summary>One file handed to the readers: its path as shown in findings, and its bytes.</summary>
public sealed class InputFile
{
    public InputFile(string displayPath, string fullPath, byte[] bytes, bool namedExplicitly)
    {
        DisplayPath = displayPath;
        FullPath = fullPath;
        Bytes = bytes;
        NamedExplicitly = namedExplicitly;
    }

    /// <summary>The path shown in findings (relative to the working directory when below it).</summary>
    public string DisplayPath { get; }

    public string FullPath { get; }

    public byte[] Bytes { get; }

    /// <summary>True when the user named the file itself rather than a folder holding it.</summary>
    public bool NamedExplicitly { get; }

    /// <summary>The folder the file sits in (GPO backups read their companions from it).</summary>
    public string? Directory => Path.GetDirectoryName(FullPath);
}

/// <summary>Reads one kind of input file, recognised by content. Readers are tried in order; the first that claims a file reads it.</summary>
public interface IPolicyFileReader
{
    /// <summary>Short format name, e.g. "Intune JSON export".</summary>
    string FormatName { get; }

    /// <summary>Returns null when the file is not in this reader's format; otherwise what was read.</summary>
    ReadResult? TryRead(InputFile file);
}

namespace PolicyLint.Input;

/// <summary>One thing found while expanding the paths given on the command line.</summary>
public abstract record CollectedInput(string DisplayPath);

public sealed record CollectedFile(string DisplayPath, string FullPath, bool NamedExplicitly) : CollectedInput(DisplayPath);

public sealed record UnreadableInput(string DisplayPath, string Reason) : CollectedInput(DisplayPath);

/// <summary>Expands files and folders (recursively, in a stable order) into the files to read.</summary>
public static class InputCollector
{
    /// <summary>Folders that never hold policy exports but can be large.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules", ".vs" };

    /// <summary>Yields the files below each path. Paths that do not exist are returned in <paramref name="missing"/>.</summary>
    public static List<CollectedInput> Collect(IEnumerable<string> paths, string workingDirectory, out List<string> missing)
    {
        missing = [];
        var result = new List<CollectedInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                if (seen.Add(full))
                {
                    result.Add(new CollectedFile(Display(full, workingDirectory), full, NamedExplicitly: true));
                }
            }
            else if (Directory.Exists(full))
            {
                Walk(full, workingDirectory, result, seen);
            }
            else
            {
                missing.Add(path);
            }
        }

        return result;
    }

    private static void Walk(string directory, string workingDirectory, List<CollectedInput> result, HashSet<string> seen)
    {
        string[] files;
        string[] folders;
        try
        {
            files = Directory.GetFiles(directory);
            folders = Directory.GetDirectories(directory);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            result.Add(new UnreadableInput(Display(directory, workingDirectory), $"cannot list the folder: {Reason(ex)}"));
            return;
        }

        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var file in files)
        {
            // PolicyLint's own configuration sits next to exports; it is read as configuration, not linted.
            if (Path.GetFileName(file) == ".policylint.yml")
            {
                continue;
            }

            if (seen.Add(file))
            {
                result.Add(new CollectedFile(Display(file, workingDirectory), file, NamedExplicitly: false));
            }
        }

        foreach (var folder in folders)
        {
            if (!SkippedFolders.Contains(Path.GetFileName(folder)))
            {
                Walk(folder, workingDirectory, result, seen);
            }
        }
    }

    public static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException => "the file no longer exists",
        DirectoryNotFoundException => "the folder no longer exists",
        _ => ex.Message,
    };

    /// <summary>Relative to the working directory when below it, with forward slashes, so findings read the same on every OS.</summary>
    public static string Display(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}

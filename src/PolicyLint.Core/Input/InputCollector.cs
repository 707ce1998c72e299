using System.Collections.Immutable;
using PolicyLint.Gpo;

namespace PolicyLint.Input;

/// <summary>One thing found while expanding the paths given on the command line.</summary>
public abstract record CollectedInput(string DisplayPath);

/// <summary>A unit to read: one file, or an export that is read as one (a GPO backup).</summary>
public sealed record CollectedUnit(InputUnit Unit) : CollectedInput(Unit.Primary.DisplayPath);

/// <summary>A path that could not be listed or opened.</summary>
public sealed record UnreadableInput(string DisplayPath, string Name, string Reason) : CollectedInput(DisplayPath);

/// <summary>What the collect stage gives: every input in a stable order, and the paths that do not exist.</summary>
public sealed record InputSet(ImmutableArray<CollectedInput> Inputs, ImmutableArray<string> MissingPaths)
{
    /// <summary>Named documents already in memory (a tenant pull): each is one unit.</summary>
    public static InputSet FromDocuments(IEnumerable<InputDocument> documents) =>
        new([.. documents.Select(d => (CollectedInput)new CollectedUnit(InputUnit.Single(d, namedExplicitly: false)))], []);

    /// <summary>The full path (or virtual name) of every document by the path findings show (suppression globs match full paths).</summary>
    public ImmutableDictionary<string, string> FullPaths()
    {
        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            if (input is CollectedUnit { Unit: var unit })
            {
                foreach (var document in unit.Companions.Prepend(unit.Primary))
                {
                    map[document.DisplayPath] = document.Name;
                }
            }
            else if (input is UnreadableInput bad)
            {
                map[bad.DisplayPath] = bad.Name;
            }
        }

        return map.ToImmutable();
    }
}

/// <summary>
/// The collect stage: expands files and folders (recursively, in a stable order) into the units to read. Paths are
/// made absolute and shown relative to the working directory here, once. A Backup-GPO folder becomes one unit (its
/// gpreport.xml with its registry.pol files and metadata), so readers never open other files themselves.
/// </summary>
public static class InputCollector
{
    /// <summary>Folders that never hold policy exports but can be large.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules", ".vs" };

    /// <summary>PolicyLint's own configuration sits next to exports; it is read as configuration, not linted.</summary>
    public const string ConfigFileName = ".policylint.yml";

    /// <summary>
    /// Whether a folder walk leaves a file out, unread and uncounted: PolicyLint's configuration, and C# source (custom
    /// rules kept beside the exports, loaded with <c>--rules</c>; never a policy export). A file named on the command
    /// line is always read.
    /// </summary>
    public static bool IsNeverAnInput(string path) =>
        Path.GetFileName(path) == ConfigFileName || path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    public static InputSet Collect(IEnumerable<string> paths, string workingDirectory)
    {
        var missing = ImmutableArray.CreateBuilder<string>();
        var result = ImmutableArray.CreateBuilder<CollectedInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                if (seen.Add(full))
                {
                    result.Add(new CollectedUnit(ExplicitFile(full, workingDirectory)));
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

        return new InputSet(result.ToImmutable(), missing.ToImmutable());
    }

    /// <summary>A file the user named: read on its own, except that a backup's gpreport.xml brings its backup along.</summary>
    private static InputUnit ExplicitFile(string full, string workingDirectory)
    {
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && GpoBackupLayout.Is(Path.GetFileName(full), GpoBackupLayout.ReportFileName)
            && Backup.Find(folder) is { Report: not null } backup)
        {
            return backup.ReportUnit(workingDirectory, namedExplicitly: true);
        }

        var companions = GpoBackupLayout.RootOfRegistryPol(full, out _) is { } root && Backup.Find(root)?.Manifest is { } manifest
            ? [Document(manifest, workingDirectory)]
            : Array.Empty<InputDocument>();
        return new InputUnit(Document(full, workingDirectory), NamedExplicitly: true, companions);
    }

    /// <summary>Depth-first, files before subfolders, each sorted ordinally; iterative, and each real folder once (link loops).</summary>
    private static void Walk(string start, string workingDirectory, ImmutableArray<CollectedInput>.Builder result, HashSet<string> seen)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (!visited.Add(RealPath(directory)))
            {
                continue;
            }

            string[] files;
            string[] folders;
            try
            {
                files = Directory.GetFiles(directory);
                folders = Directory.GetDirectories(directory);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                result.Add(new UnreadableInput(Display(directory, workingDirectory), directory, $"cannot list the folder: {Reason(ex)}"));
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            var backup = folders.Any(f => GpoBackupLayout.Is(Path.GetFileName(f), "DomainSysvol")) ? Backup.Find(directory) : null;
            if (backup is not null)
            {
                // Every file the backup unit holds is read with it, never again on its own.
                seen.UnionWith(backup.Members);
                if (backup.Report is not null)
                {
                    result.Add(new CollectedUnit(backup.ReportUnit(workingDirectory, namedExplicitly: false)));
                }
                else
                {
                    foreach (var pol in backup.Pols)
                    {
                        result.Add(new CollectedUnit(backup.PolUnit(pol, workingDirectory)));
                    }
                }
            }

            foreach (var file in files)
            {
                if (!IsNeverAnInput(file) && seen.Add(file))
                {
                    result.Add(new CollectedUnit(InputUnit.Single(Document(file, workingDirectory), namedExplicitly: false)));
                }
            }

            for (var i = folders.Length - 1; i >= 0; i--)
            {
                if (!SkippedFolders.Contains(Path.GetFileName(folders[i])))
                {
                    pending.Push(folders[i]);
                }
            }
        }
    }

    private static string RealPath(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (IOException)
        {
            return directory;
        }
    }

    private static InputDocument Document(string full, string workingDirectory) => InputDocument.FromFile(Display(full, workingDirectory), full, workingDirectory);

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

    /// <summary>The files of one Backup-GPO folder: <c>gpreport.xml</c>, <c>bkupInfo.xml</c>, <c>Backup.xml</c>, <c>DomainSysvol/GPO/Machine|User/registry.pol</c>.</summary>
    private sealed record Backup(string? Report, string? Manifest, string? Metadata, IReadOnlyList<string> Pols)
    {
        public IEnumerable<string> Members =>
            new[] { Report, Manifest, Metadata }.Where(f => f is not null).Select(f => f!).Concat(Pols);

        public static Backup? Find(string root)
        {
            var sysvol = Entry(root, "DomainSysvol", directories: true);
            if (sysvol is null)
            {
                return null;
            }

            var gpo = Entry(sysvol, "GPO", directories: true);
            var pols = new List<string>();
            foreach (var section in new[] { "Machine", "User" })
            {
                if (gpo is not null && Entry(gpo, section, directories: true) is { } folder && Entry(folder, "registry.pol", directories: false) is { } pol)
                {
                    pols.Add(pol);
                }
            }

            return new Backup(
                Entry(root, GpoBackupLayout.ReportFileName, directories: false),
                Entry(root, "bkupInfo.xml", directories: false),
                Entry(root, "Backup.xml", directories: false),
                pols);
        }

        public InputUnit ReportUnit(string workingDirectory, bool namedExplicitly) => new(
            Document(Report!, workingDirectory),
            namedExplicitly,
            [.. Pols.Concat(new[] { Manifest, Metadata }.Where(f => f is not null).Select(f => f!)).Select(f => Document(f, workingDirectory))]);

        public InputUnit PolUnit(string pol, string workingDirectory) => new(
            Document(pol, workingDirectory),
            NamedExplicitly: false,
            Manifest is null ? [] : [Document(Manifest, workingDirectory)]);

        private static string? Entry(string directory, string name, bool directories)
        {
            try
            {
                var entries = directories ? Directory.GetDirectories(directory) : Directory.GetFiles(directory);
                Array.Sort(entries, StringComparer.Ordinal);
                return entries.FirstOrDefault(e => GpoBackupLayout.Is(Path.GetFileName(e), name));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}

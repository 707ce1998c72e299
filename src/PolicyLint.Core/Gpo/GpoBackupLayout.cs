using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>
/// The folder layout Backup-GPO writes: <c>{GUID}\Backup.xml</c>, <c>bkupInfo.xml</c>, <c>gpreport.xml</c> and
/// <c>DomainSysvol\GPO\Machine|User\registry.pol</c>. Names are matched case-insensitively (SYSVOL copies use
/// <c>Registry.pol</c>), so the layout is found the same way on Linux as on Windows.
/// </summary>
public static class GpoBackupLayout
{
    public const string ReportFileName = "gpreport.xml";

    /// <summary>The backup root when <paramref name="polPath"/> is <c>root/DomainSysvol/GPO/Machine|User/registry.pol</c>.</summary>
    public static string? RootOfRegistryPol(string polPath, out PolicyScope scope)
    {
        scope = PolicyScope.Device;
        var section = Path.GetDirectoryName(polPath);
        var gpo = section is null ? null : Path.GetDirectoryName(section);
        var sysvol = gpo is null ? null : Path.GetDirectoryName(gpo);
        if (section is null || gpo is null || sysvol is null
            || !Is(Path.GetFileName(gpo), "GPO") || !Is(Path.GetFileName(sysvol), "DomainSysvol"))
        {
            return null;
        }

        var sectionName = Path.GetFileName(section);
        if (Is(sectionName, "User"))
        {
            scope = PolicyScope.User;
        }
        else if (!Is(sectionName, "Machine"))
        {
            return null;
        }

        return Path.GetDirectoryName(sysvol);
    }

    /// <summary>The section of a registry.pol by its folder (Machine/User), when the folder says.</summary>
    public static PolicyScope? ScopeOfFolder(string polPath)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(polPath) ?? string.Empty);
        return Is(folder, "Machine") ? PolicyScope.Device : Is(folder, "User") ? PolicyScope.User : null;
    }

    /// <summary>The gpreport.xml of a backup root, if present.</summary>
    public static string? ReportOf(string root) => FindEntry(root, ReportFileName, directories: false);

    public static string? FileOf(string root, string name) => FindEntry(root, name, directories: false);

    /// <summary>The registry.pol of one section of a backup root, if present.</summary>
    public static string? RegistryPolOf(string root, PolicyScope scope)
    {
        var sysvol = FindEntry(root, "DomainSysvol", directories: true);
        var gpo = sysvol is null ? null : FindEntry(sysvol, "GPO", directories: true);
        var section = gpo is null ? null : FindEntry(gpo, scope == PolicyScope.Device ? "Machine" : "User", directories: true);
        return section is null ? null : FindEntry(section, "registry.pol", directories: false);
    }

    /// <summary>True when the report sits at the root of a backup (it has a DomainSysvol folder beside it).</summary>
    public static bool IsBackupRoot(string root) => FindEntry(root, "DomainSysvol", directories: true) is not null;

    /// <summary>A GUID in braces in a folder name on the path (Backup-GPO and SYSVOL name folders after the GPO or backup id).</summary>
    public static string? GuidFolder(string path)
    {
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 38 && name[0] == '{' && name[^1] == '}' && Guid.TryParse(name, out _))
            {
                return name;
            }
        }

        return null;
    }

    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static string? FindEntry(string directory, string name, bool directories)
    {
        try
        {
            var entries = directories ? Directory.GetDirectories(directory) : Directory.GetFiles(directory);
            Array.Sort(entries, StringComparer.Ordinal);
            return entries.FirstOrDefault(e => Is(Path.GetFileName(e), name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>
/// The folder layout Backup-GPO writes: <c>{GUID}\Backup.xml</c>, <c>bkupInfo.xml</c>, <c>gpreport.xml</c> and
/// <c>DomainSysvol\GPO\Machine|User\registry.pol</c>. Names are matched case-insensitively (SYSVOL copies use
/// <c>Registry.pol</c>), so the layout is found the same way on Linux as on Windows. Only paths are looked at here;
/// the input collector lists the folders and hands a backup to the readers as one unit.
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

    public static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}

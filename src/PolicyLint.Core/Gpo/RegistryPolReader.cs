using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>
/// Reads a Registry.pol on its own (a SYSVOL copy, or a file an admin pulled out of a GPO). Its links are unknown, so
/// it is assumed to overlap everything. A registry.pol inside a Backup-GPO folder that has a gpreport.xml is read
/// with that report instead (see <see cref="GpoReportReader"/>), unless the user names the .pol itself.
/// LGPO.exe /parse text is deliberately not read: the reference (sections G, H, J) does not list it and the real corpus
/// has no such export, while LGPO reads and writes this same Registry.pol format, which is read here.
/// </summary>
public sealed class RegistryPolReader : IPolicyFileReader
{
    public string FormatName => "Registry.pol";

    public ReadResult? TryRead(InputFile file)
    {
        if (!RegistryPolFile.HasSignature(file.Bytes))
        {
            return null;
        }

        var backupRoot = GpoBackupLayout.RootOfRegistryPol(file.FullPath, out var backupScope);
        if (backupRoot is not null && !file.NamedExplicitly && GpoBackupLayout.ReportOf(backupRoot) is not null)
        {
            return ReadResult.Skipped(file.DisplayPath, "part of a GPO backup: read together with the backup's gpreport.xml");
        }

        var result = new ReadResult(file.DisplayPath) { Format = FormatName };
        var scope = backupRoot is not null ? backupScope : GpoBackupLayout.ScopeOfFolder(file.FullPath) ?? ScopeFromFileName(file, result);
        var (name, guid, domain) = Identify(file, backupRoot);
        var info = new GroupPolicyInfo { Guid = guid, Domain = domain, LinksKnown = false };
        var source = new PolicySource(SourceKind.GroupPolicy, name, SourceLocation.ForBytes(file.DisplayPath, 0, 8)) { Id = guid, GroupPolicy = info };

        var parsed = RegistryPolFile.Parse(file.Bytes);
        GpoSettings.ReportProblems(parsed, file.DisplayPath, result);
        GpoSettings.AddFromRegistryPol(source, parsed, file.DisplayPath, scope, GpoSettings.NotAppliedReason(info, scope), result);
        if (source.Settings.Count > 0)
        {
            result.Sources.Add(source);
        }
        else if (!result.HasErrors)
        {
            result.SkipReason = "a Registry.pol with no Windows Hello for Business setting";
        }

        return result;
    }

    /// <summary>Outside a Machine/User folder only the file name can tell; Computer Configuration is the usual case.</summary>
    private static PolicyScope ScopeFromFileName(InputFile file, ReadResult result)
    {
        var fileName = Path.GetFileName(file.FullPath);
        if (fileName.Contains("user", StringComparison.OrdinalIgnoreCase))
        {
            return PolicyScope.User;
        }

        if (!fileName.Contains("machine", StringComparison.OrdinalIgnoreCase) && !fileName.Contains("computer", StringComparison.OrdinalIgnoreCase))
        {
            result.Problems.Add(ReadProblem.Note(SourceLocation.ForFile(file.DisplayPath),
                "the Registry.pol is not in a Machine or User folder and its name does not say; it was read as Computer Configuration (HKLM)"));
        }

        return PolicyScope.Device;
    }

    /// <summary>The GPO's name and GUID from a backup's bkupInfo.xml, else the {GUID} folder on the path, else the file name.</summary>
    private static (string Name, string? Guid, string? Domain) Identify(InputFile file, string? backupRoot)
    {
        if (backupRoot is not null && GpoBackupLayout.FileOf(backupRoot, "bkupInfo.xml") is { } manifest)
        {
            try
            {
                var bytes = File.ReadAllBytes(manifest);
                if (TextDecoding.Decode(bytes, out var utf8, out _) == ContentKind.Text)
                {
                    var root = XmlTree.Parse(SourceDocument.FromUtf8(manifest, utf8));
                    var name = root.ChildText("GPODisplayName");
                    var guid = root.ChildText("GPOGuid");
                    if (!string.IsNullOrEmpty(name))
                    {
                        return (name, guid, root.ChildText("GPODomain"));
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlInputException)
            {
                // The manifest is optional: fall back to the folder name.
            }
        }

        var folderGuid = GpoBackupLayout.GuidFolder(file.FullPath);
        return (folderGuid ?? Path.GetFileName(file.FullPath), folderGuid, null);
    }
}

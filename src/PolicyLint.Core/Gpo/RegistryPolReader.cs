using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>
/// Reads a Registry.pol on its own (a SYSVOL copy, or a file an admin pulled out of a GPO). Its links are unknown, so
/// it is assumed to overlap everything. The input collector makes a registry.pol inside a Backup-GPO folder that has a
/// gpreport.xml part of that report's unit (see <see cref="GpoReportReader"/>), unless the user names the .pol itself;
/// a backup's bkupInfo.xml comes with the .pol as a companion and names the GPO.
/// LGPO.exe /parse text is deliberately not read: the reference (sections G, H, J) does not list it and the real corpus
/// has no such export, while LGPO reads and writes this same Registry.pol format, which is read here.
/// </summary>
public sealed class RegistryPolReader : IPolicyReader
{
    public string FormatName => "Registry.pol";

    public bool Claims(DecodedDocument document) => RegistryPolFile.HasSignature(document.RawSpan);

    public ReadResult Read(DecodedUnit unit)
    {
        var file = unit.Primary;
        var result = new ReadResultBuilder(file.DisplayPath, FormatName);
        var backupRoot = GpoBackupLayout.RootOfRegistryPol(file.Name, out var backupScope);
        var scope = backupRoot is not null ? backupScope : GpoBackupLayout.ScopeOfFolder(file.Name) ?? ScopeFromFileName(file, result);
        var (name, guid, domain) = Identify(file, unit.Companion(c => c.FileName.Equals("bkupInfo.xml", StringComparison.OrdinalIgnoreCase)));
        var info = new GroupPolicyInfo { Guid = guid, Domain = domain, LinksKnown = false };
        var source = new PolicySourceBuilder(SourceKind.GroupPolicy, name, SourceLocation.ForBytes(file.DisplayPath, 0, 8)) { Id = guid, GroupPolicy = info };

        var parsed = RegistryPolFile.Parse(file.RawSpan);
        GpoSettings.ReportProblems(parsed, file.DisplayPath, result);
        GpoSettings.AddFromRegistryPol(source, parsed, file.DisplayPath, scope, GpoSettings.NotAppliedReason(info, scope), result);
        if (source.Settings.Count > 0)
        {
            result.Sources.Add(source.Build());
        }
        else if (!result.HasErrors)
        {
            result.SkipReason = "a Registry.pol with no Windows Hello for Business setting";
        }

        return result.Build();
    }

    /// <summary>Outside a Machine/User folder only the file name can tell; Computer Configuration is the usual case.</summary>
    private static PolicyScope ScopeFromFileName(DecodedDocument file, ReadResultBuilder result)
    {
        var fileName = file.FileName;
        if (fileName.Contains("user", StringComparison.OrdinalIgnoreCase))
        {
            return PolicyScope.User;
        }

        if (!fileName.Contains("machine", StringComparison.OrdinalIgnoreCase) && !fileName.Contains("computer", StringComparison.OrdinalIgnoreCase))
        {
            result.Note(SourceLocation.ForFile(file.DisplayPath),
                "the Registry.pol is not in a Machine or User folder and its name does not say; it was read as Computer Configuration (HKLM)");
        }

        return PolicyScope.Device;
    }

    /// <summary>The GPO's name and GUID from a backup's bkupInfo.xml, else the {GUID} folder on the path, else the file name.</summary>
    private static (string Name, string? Guid, string? Domain) Identify(DecodedDocument file, DecodedDocument? manifest)
    {
        if (manifest is { IsText: true })
        {
            try
            {
                var root = XmlTree.Parse(SourceDocument.FromUtf8(manifest.DisplayPath, manifest.Utf8Memory));
                var name = root.ChildText("GPODisplayName");
                if (!string.IsNullOrEmpty(name))
                {
                    return (name, root.ChildText("GPOGuid"), root.ChildText("GPODomain"));
                }
            }
            catch (XmlInputException)
            {
                // The manifest is optional: fall back to the folder name.
            }
        }

        var folderGuid = GpoBackupLayout.GuidFolder(file.Name);
        return (folderGuid ?? file.FileName, folderGuid, null);
    }
}

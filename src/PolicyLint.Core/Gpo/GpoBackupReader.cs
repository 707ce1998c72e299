using PolicyLint.Input;

namespace PolicyLint.Gpo;

/// <summary>
/// Claims the metadata files of a Backup-GPO folder (Backup.xml, bkupInfo.xml) so they are not reported as unknown
/// input: the backup's settings are read through its gpreport.xml and registry.pol files.
/// </summary>
public sealed class GpoBackupReader : IPolicyFileReader
{
    private const string OperationsNamespace = "http://www.microsoft.com/GroupPolicy/GPOOperations";

    public string FormatName => "GPO backup metadata";

    public ReadResult? TryRead(InputFile file)
    {
        var name = Path.GetFileName(file.FullPath);
        if (!name.Equals("Backup.xml", StringComparison.OrdinalIgnoreCase) && !name.Equals("bkupInfo.xml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (TextDecoding.Decode(file.Bytes, out var utf8, out _) != ContentKind.Text
            || utf8.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(OperationsNamespace)) < 0)
        {
            return null;
        }

        return ReadResult.Skipped(file.DisplayPath, "GPO backup metadata: the backup's settings are read from its gpreport.xml and registry.pol");
    }
}

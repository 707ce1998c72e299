using System.Text;

namespace PolicyLint.Output;

/// <summary>
/// Writes a report file whole or not at all: into a temporary file beside it, then renamed over the target, so an
/// interrupted run never leaves a truncated SARIF that a later pipeline step uploads.
/// </summary>
public static class OutputFile
{
    public static void Write(string fullPath, Action<TextWriter> write)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            using (var output = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(output);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}

using System.Text;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

/// <summary>
/// Compares a writer's output with a committed file under Writers/Expected (line endings normalized). With
/// POLICYLINT_UPDATE_SNAPSHOTS=1 the file is rewritten and the test still fails, so a changed snapshot is always a
/// reviewed diff, never a silent pass.
/// </summary>
public static class ExpectedOutput
{
    public const string UpdateVariable = "POLICYLINT_UPDATE_SNAPSHOTS";

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "PolicyLint.Tests", "Writers", "Expected");

    public static void AssertMatches(string fileName, string actual)
    {
        var path = Path.Combine(Folder, fileName);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            Assert.Fail($"rewrote {path}; review the diff, commit it, and run the tests again without {UpdateVariable}");
        }

        Assert.True(File.Exists(path), $"missing {path}; run the tests with {UpdateVariable}=1 to write it, then review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail(
                $"{fileName} differs from the output, first at line {first + 1}:\n"
                + $"expected: {(first < expectedLines.Length ? expectedLines[first] : "(end of file)")}\n"
                + $"actual:   {(first < actualLines.Length ? actualLines[first] : "(end of output)")}\n"
                + $"If the change is meant, run the tests with {UpdateVariable}=1 and review the diff.");
        }
    }
}

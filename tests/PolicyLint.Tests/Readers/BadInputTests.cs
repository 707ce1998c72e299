using System.Diagnostics;
using PolicyLint.Analysis;
using PolicyLint.Pipeline;
using PolicyLint.Input;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Readers;

/// <summary>Broken inputs give one clear line naming the file and problem; the other files are still linted.</summary>
public sealed class BadInputTests
{
    private static readonly string GoodExport = CustomOma("Good", OmaBoolean("\"./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UsePassportForWork\"", "true"));

    [Fact]
    public void Truncated_json_is_reported_with_file_and_line_and_the_rest_is_still_linted()
    {
        using var temp = new TempDirectory();
        temp.Write("good.json", GoodExport);
        var full = SettingsCatalog("Cut", Choice("requiresecuritydevice", "true"));
        temp.Write("truncated.json", full[..(full.Length / 2)]);

        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Equal(1, exit);
        var line = Assert.Single(console.StdOut.Split('\n'), l => l.Contains("PL0001", StringComparison.Ordinal));
        Assert.Matches(@"^truncated\.json\(\d+,\d+\): error PL0001: the JSON ends too early \(truncated file\?\)", line);
        Assert.Contains("good.json", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("PL4001", console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.StdOut + console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_file_that_is_not_a_policy_is_an_error_when_named_and_skipped_in_a_folder()
    {
        using var temp = new TempDirectory();
        temp.Write("good.json", GoodExport);
        temp.Write("package.json", """{ "name": "not-a-policy", "version": "1.0.0" }""");

        var named = TestConsole.Run(temp.Path, "lint", "package.json", "good.json");
        var folder = TestConsole.Run(temp.Path, "lint", ".", "--verbose");

        Assert.Contains("package.json: error PL0001: JSON, but not an Intune policy export this tool reads", named.Console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("package.json", folder.Console.StdOut, StringComparison.Ordinal);
        Assert.Contains("package.json: skipped: JSON, but not an Intune policy export", folder.Console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_binary_files_named_explicitly_are_errors()
    {
        using var temp = new TempDirectory();
        temp.Write("good.json", GoodExport);
        temp.Write("empty.json", string.Empty);
        temp.WriteBytes("blob.json", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00]);

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "empty.json", "blob.json", "good.json");

        Assert.Equal(1, exit);
        Assert.Contains("empty.json: error PL0001: the file is empty", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("blob.json: error PL0001: a binary file that is not a Registry.pol", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("good.json(", console.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_unreadable_input_exits_with_2()
    {
        using var temp = new TempDirectory();
        temp.Write("broken.json", "{ \"name\": ");

        var (exit, console) = TestConsole.Run(temp.Path, "lint", "broken.json");

        Assert.Equal(ExitCodes(2), exit);
        Assert.Contains("broken.json(1,", console.StdOut, StringComparison.Ordinal);
        Assert.Contains("no input could be read", console.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_double_encoded_value_is_reported_at_its_location_inside_the_outer_file()
    {
        using var temp = new TempDirectory();
        temp.Write("wrapped.json", """
            {
              "PartitionKey": "IntuneTemplate",
              "JSON": "{\"Displayname\": \"Broken\", \"RAWJson\": \"{\\\"name\\\": \\\"x\\\", \\\"settings\\\": [ }\"}"
            }
            """);

        var finding = Assert.Single(Lint.Paths(temp.Path, "wrapped.json").Findings(RuleIds.InputNotReadable));

        Assert.Equal(3, finding.Line);
        Assert.True(finding.Column > 40, $"column {finding.Column} should point inside the nested string");
        Assert.Contains("JSON text inside a string value", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_read_permission_is_reported_and_the_other_files_linted()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permission bits; CI runs on Linux.
        }

        using var temp = new TempDirectory();
        temp.Write("good.json", GoodExport);
        var locked = Path.Combine(temp.Path, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "hidden.json"), GoodExport);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.SetUnixFileMode(temp.Path, (UnixFileMode)Convert.ToInt32("755", 8));

        // Root reads any folder, so run the real CLI as an unprivileged user when the tests run as root.
        var (exit, output) = RunCliAsUnprivilegedUser(temp.Path, "lint", ".");

        Assert.Equal(1, exit);
        Assert.Contains("locked: error PL0001: cannot list the folder: permission denied", output, StringComparison.Ordinal);
        Assert.Contains("good.json(", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_that_fails_on_one_file_does_not_stop_the_others()
    {
        using var temp = new TempDirectory();
        temp.Write("boom.json", GoodExport);
        temp.Write("good.json", GoodExport.Replace("22222222-0000-0000-0000-000000000002", "22222222-0000-0000-0000-000000000003", StringComparison.Ordinal));
        var engine = new LintEngine(new ReadStage([new FailingReader("boom.json"), .. ReadStage.DefaultReaders]), Lint.BuiltInAnalyzers);

        var result = engine.Lint(["."], temp.Path);

        var error = Assert.Single(result.Findings(RuleIds.InputNotReadable));
        Assert.Equal("boom.json", error.FilePath);
        Assert.StartsWith(ReadStage.InternalReadErrorPrefix + " test reader reader failed on this file (InvalidOperationException: bug)", error.Message, StringComparison.Ordinal);
        Assert.Contains(result.Findings(RuleIds.TenantIdPlaceholder), f => f.FilePath == "good.json");
    }

    /// <summary>A third-party reader with a bug: it throws on one file name.</summary>
    private sealed class FailingReader(string fileName) : IPolicyReader
    {
        public string FormatName => "test reader";

        public bool Claims(DecodedDocument document) => document.FileName == fileName;

        public ReadResult Read(DecodedUnit unit) => throw new InvalidOperationException("bug");
    }

    private static int ExitCodes(int code) => code;

    private static (int ExitCode, string Output) RunCliAsUnprivilegedUser(string workingDirectory, params string[] args)
    {
        var cli = typeof(PolicyLint.Cli.ExitCodes).Assembly.Location;
        var isRoot = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        var start = new ProcessStartInfo
        {
            FileName = isRoot ? "setpriv" : "dotnet",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (isRoot)
        {
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet" })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }

        start.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "policylint did not finish in 60 s");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

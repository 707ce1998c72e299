using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_level_that_breaks_the_build(string level, int expectedExit)
    {
        Assert.Equal(expectedExit, TestConsole.Run(RepoPaths.Root, "lint", "samples/intune", "--fail-on", level).ExitCode);
    }

    [Fact]
    public void Warnings_alone_pass_by_default_and_fail_with_fail_on_warning()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(RepoPaths.Samples, "intune", "WHfB - Biometrics.custom-oma.json"), Path.Combine(temp.Path, "b.json"));

        Assert.Equal(0, TestConsole.Run(temp.Path, "lint", ".").ExitCode);
        Assert.Equal(1, TestConsole.Run(temp.Path, "lint", ".", "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void Clean_samples_exit_0()
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/clean");

        Assert.Equal(0, exit);
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "clean")).Length;
        Assert.Equal($"0 errors, 0 warnings, 0 notes in {files} files", console.StdOut.Trim());
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "does-not-exist")]
    [InlineData("lint", "samples", "--format", "xml")]
    [InlineData("lint", "samples", "--fail-on", "sometimes")]
    [InlineData("lint", "samples", "--no-such-option")]
    [InlineData("lint", "samples", "--format", "json", "--format", "text")]
    [InlineData("lint", "samples", "--format", "sarif=")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Usage_errors_exit_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, args);

        Assert.Equal(2, exit);
        Assert.Contains("policylint", console.StdErr + console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.StdErr + console.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_every_command_and_each_command_its_options()
    {
        var (lintExit, lint) = TestConsole.Run(RepoPaths.Root, "lint", "--help");
        var (rootExit, root) = TestConsole.Run(RepoPaths.Root, "--help");

        Assert.Equal(0, lintExit);
        Assert.Contains("Usage: policylint lint [arguments] [options]", lint.StdOut, StringComparison.Ordinal);
        Assert.Contains("--fail-on <LEVEL>", lint.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, rootExit);
        foreach (var command in new[] { "lint", "baseline", "pull", "show", "rules", "explain", "init" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s", root.StdOut);
        }
    }

    [Fact]
    public void Each_format_can_write_its_own_file_in_one_run()
    {
        using var temp = new TempDirectory();

        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/intune",
            "--format", $"sarif={temp.Path}/out.sarif", "--format", $"json={temp.Path}/out.json", "--format", "text");

        Assert.Equal(1, exit);
        Assert.Contains("PL3001", console.StdOut, StringComparison.Ordinal);
        SarifSchema.AssertValid(File.ReadAllText(Path.Combine(temp.Path, "out.sarif")));
        Assert.Contains("\"ruleId\": \"PL3001\"", File.ReadAllText(Path.Combine(temp.Path, "out.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_names_the_file_of_the_one_format_without_a_path()
    {
        using var temp = new TempDirectory();
        var target = Path.Combine(temp.Path, "nested", "policylint.sarif");

        var (_, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/intune", "--format", "sarif", "--output", target);

        SarifSchema.AssertValid(File.ReadAllText(target));
        Assert.Equal("4 errors, 1 warning, 4 notes in 6 files", console.StdOut.Trim());
    }

    [Fact]
    public void Verbose_lists_skipped_files()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(RepoPaths.Samples, "clean", "WHfB - Security Key Sign-in.custom-oma.json"), Path.Combine(temp.Path, "key.json"));
        temp.Write("notes.txt", "meeting notes");

        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".", "--verbose");

        Assert.Equal(0, exit);
        Assert.Contains("notes.txt: skipped: not a policy export PolicyLint reads", console.StdErr, StringComparison.Ordinal);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file (1 file skipped)", console.StdOut.Trim());
    }

    [Fact]
    public void A_folder_with_no_policy_exits_2()
    {
        using var temp = new TempDirectory();
        temp.Write("readme.md", "# nothing here");

        var (exit, console) = TestConsole.Run(temp.Path, "lint", ".");

        Assert.Equal(2, exit);
        Assert.Contains("no Windows Hello for Business policy found", console.StdErr, StringComparison.Ordinal);
    }
}

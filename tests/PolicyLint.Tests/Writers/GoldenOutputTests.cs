using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

/// <summary>Each PR-facing format on samples/, through the real CLI, against its committed expected file.</summary>
public sealed class GoldenOutputTests
{
    [Theory]
    [InlineData("text", "samples.txt")]
    [InlineData("markdown", "samples.md")]
    [InlineData("github", "samples.github.txt")]
    [InlineData("codeclimate", "samples.codeclimate.json")]
    public void Samples_give_the_expected_output(string format, string expectedFile)
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples", "--format", format);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, console.StdErr);
        ExpectedOutput.AssertMatches(expectedFile, console.StdOut);
    }

    [Theory]
    [InlineData("text", "clean.txt")]
    [InlineData("markdown", "clean.md")]
    [InlineData("github", "clean.github.txt")]
    [InlineData("codeclimate", "clean.codeclimate.json")]
    public void A_clean_run_gives_the_expected_output(string format, string expectedFile)
    {
        var (exit, console) = TestConsole.Run(RepoPaths.Root, "lint", "samples/clean", "--format", format);

        Assert.Equal(0, exit);
        ExpectedOutput.AssertMatches(expectedFile, console.StdOut);
    }
}

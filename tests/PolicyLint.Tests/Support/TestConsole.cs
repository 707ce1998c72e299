using McMaster.Extensions.CommandLineUtils;

namespace PolicyLint.Tests.Support;

/// <summary>A console whose output the test reads (the CLI runs in-process through the same entry point as Main).</summary>
public sealed class TestConsole : IConsole
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public TextWriter Out => _out;

    public TextWriter Error => _error;

    public TextReader In => TextReader.Null;

    public bool IsInputRedirected => true;

    public bool IsOutputRedirected => true;

    public bool IsErrorRedirected => true;

    public ConsoleColor ForegroundColor { get; set; }

    public ConsoleColor BackgroundColor { get; set; }

    public string StdOut => _out.ToString();

    public string StdErr => _error.ToString();

    public event ConsoleCancelEventHandler? CancelKeyPress
    {
        add { }
        remove { }
    }

    public void ResetColor()
    {
    }

    /// <summary>Runs <c>policylint</c> with the arguments in the working directory; returns the exit code and the console.</summary>
    public static (int ExitCode, TestConsole Console) Run(string workingDirectory, params string[] args)
    {
        var console = new TestConsole();
        var exit = PolicyLint.Cli.PolicyLintCli.Run(args, console, workingDirectory);
        return (exit, console);
    }
}

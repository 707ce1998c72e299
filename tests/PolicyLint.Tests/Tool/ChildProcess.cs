using System.Diagnostics;
using System.Text;

namespace PolicyLint.Tests.Tool;

/// <summary>What a finished child process left behind, printable as a failure message.</summary>
public sealed record ChildProcessResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() =>
        $"{CommandLine}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}" +
        $"--- stdout ---{Environment.NewLine}{StdOut}{Environment.NewLine}--- stderr ---{Environment.NewLine}{StdErr}";
}

/// <summary>
/// Runs a real process with a deadline. On timeout the whole process tree is killed and the test fails with the
/// command line and whatever it printed, instead of hanging the run.
/// </summary>
public static class ChildProcess
{
    // A dotnet child started from a test host inherits the MSBuild location the host's SDK chose; the child must
    // find its own (the dotnet on PATH), so these are removed.
    private static readonly string[] InheritedMSBuildVariables =
        ["MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static ChildProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedMSBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // MSBuild nodes and the build server outlive the command and keep our output pipes open; none may stay.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")) && DotnetOnPath.Root is { } root)
        {
            // An installed tool's launcher finds the runtime through DOTNET_ROOT: use the SDK that packed it.
            start.Environment["DOTNET_ROOT"] = root;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var commandLine = fileName + " " + string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + commandLine);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            throw new TimeoutException(
                $"Timed out after {timeout.TotalSeconds:0} s and killed: {commandLine}{Environment.NewLine}" +
                $"--- stdout ---{Environment.NewLine}{Completed(stdout)}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Completed(stderr)}");
        }

        // A grandchild that kept the pipes open must not hang the test once the process itself is done.
        if (!Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"{commandLine} exited with {process.ExitCode} but its output never closed (a child process kept it open).");
        }

        return new ChildProcessResult(commandLine, process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Completed(Task<string> output) => output.IsCompletedSuccessfully ? output.Result : "(still open)";
}

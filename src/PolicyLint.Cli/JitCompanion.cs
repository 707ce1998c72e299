using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PolicyLint.Cli;

/// <summary>
/// The Linux x64 tool is a native (Native AOT) program: it starts in a fraction of the JIT build's time and runs
/// lint, show, rules, explain, init and baseline itself. Two things stay with the JIT build, which the package ships
/// beside it in <see cref="Folder"/>: compiling and loading custom rules (<c>--rules</c>), which a native program
/// cannot do, and the Graph client (<c>pull</c>, <c>lint --tenant</c>), whose sign-in libraries are not checked for
/// trimming. docs/performance.md, cold start.
/// </summary>
internal static class JitCompanion
{
    /// <summary>The JIT build's folder, next to the native program.</summary>
    public const string Folder = "jit";

    /// <summary>True in the native build (the compiler folds it), false wherever code can be compiled at run time.</summary>
    public static bool IsNative => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>Whether the command line needs the JIT build: custom rules anywhere, a pull, or a lint of a tenant.</summary>
    public static bool Needed(IReadOnlyList<string> args)
    {
        var options = args.TakeWhile(a => a != "--").ToList();
        return options.Any(a => IsOption(a, "--rules"))
            || (options.Count > 0 && options[0] == "pull")
            || (options.Count > 0 && options[0] == "lint" && options.Any(a => IsOption(a, "--tenant")));
    }

    /// <summary>Runs the JIT build with the same arguments, standard streams and working directory; its exit code is ours.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var launcher = Path.Combine(AppContext.BaseDirectory, Folder, OperatingSystem.IsWindows() ? "policylint.exe" : "policylint");
        if (!File.Exists(launcher))
        {
            Console.Error.WriteLine($"policylint: this command needs the JIT build of PolicyLint at {launcher}, which is missing; reinstall the tool (dotnet tool update -g PolicyLint)");
            return ExitCodes.UsageErrorOrNoInput;
        }

        var start = new ProcessStartInfo(launcher) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Ctrl+C reaches both processes; the JIT build decides what it means (a pull stops cleanly), this one waits.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private static bool IsOption(string arg, string name) =>
        arg == name || (arg.StartsWith(name, StringComparison.Ordinal) && arg.Length > name.Length && arg[name.Length] is '=' or ':');
}

using McMaster.Extensions.CommandLineUtils;

namespace PolicyLint.Cli;

/// <summary>Entry point shared by Main and the tests: parses, runs, and maps every failure to an exit code.</summary>
public static class PolicyLintCli
{
    public static int Run(string[] args, IConsole console, string workingDirectory) =>
        args is ["lint", ..]
            ? Run<LintRootCommand>(args, console, workingDirectory)
            : Run<RootCommand>(args, console, workingDirectory);

    private static int Run<TRoot>(string[] args, IConsole console, string workingDirectory)
        where TRoot : class
    {
        using var app = new CommandLineApplication<TRoot>(console, workingDirectory, throwOnUnexpectedArg: true);
        app.Conventions.UseDefaultConventions().UseConstructorInjection(new Services(console, workingDirectory));
        int OnValidationError(System.ComponentModel.DataAnnotations.ValidationResult result)
        {
            console.Error.WriteLine($"policylint: {result.ErrorMessage}");
            return ExitCodes.UsageErrorOrNoInput;
        }

        // Subcommands do not inherit the handler; without it a validation error exits 1, which means "findings".
        foreach (var command in new[] { (CommandLineApplication)app }.Concat(app.Commands))
        {
            command.ValidationErrorHandler = OnValidationError;
        }

        try
        {
            return app.Execute(args);
        }
        catch (CommandParsingException ex)
        {
            console.Error.WriteLine($"policylint: {ex.Message}");
            console.Error.WriteLine("Run 'policylint --help' for usage.");
            return ExitCodes.UsageErrorOrNoInput;
        }
        catch (Exception ex)
        {
            console.Error.WriteLine($"policylint: internal error: {ex.GetType().Name}: {ex.Message}");
            console.Error.WriteLine("This is a bug in PolicyLint; please report it with the command line you ran.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Gives commands the console and working directory (so tests run them in-process).</summary>
    private sealed class Services : IServiceProvider
    {
        private readonly IConsole _console;
        private readonly WorkingDirectory _directory;

        public Services(IConsole console, string workingDirectory)
        {
            _console = console;
            _directory = new WorkingDirectory(workingDirectory);
        }

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IConsole) ? _console
            : serviceType == typeof(WorkingDirectory) ? _directory
            : null;
    }
}

/// <summary>The directory relative paths are resolved against.</summary>
public sealed record WorkingDirectory(string Path);

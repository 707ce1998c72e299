using McMaster.Extensions.CommandLineUtils;

namespace PolicyLint.Cli;

/// <summary>Entry point shared by Main and the tests: parses, runs, and maps every failure to an exit code.</summary>
public static class PolicyLintCli
{
    private const string Description = "Lints Windows Hello for Business policy (Intune exports and Group Policy) before it ships.";

    public static int Run(string[] args, IConsole console, string workingDirectory)
    {
        using var app = Build(new CommandContext(console, new WorkingDirectory(workingDirectory)));
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

    /// <summary>
    /// The command tree, declared through CommandLineUtils' builder API rather than its attributes: the attribute
    /// conventions find options by reflection at every start, which cost a lint 20 ms of a 180 ms start
    /// (docs/performance.md, cold start).
    /// </summary>
    private static CommandLineApplication Build(CommandContext context)
    {
        var app = new CommandLineApplication(context.Console, context.Directory.Path, throwOnUnexpectedArg: true)
        {
            Name = "policylint",
            Description = Description,
        };
        app.VersionOption("--version", Output.ToolInfo.Version);
        app.HelpOption("-h|--help");
        app.Command("lint", command => LintCommand.Configure(command, context));
        app.Command("baseline", command => BaselineCommand.Configure(command, context));
        app.Command("pull", command => PullCommand.Configure(command, context));
        app.Command("show", command => ShowCommand.Configure(command, context));
        app.Command("rules", command => RulesCommand.Configure(command, context));
        app.Command("explain", command => ExplainCommand.Configure(command, context));
        app.Command("init", command => InitCommand.Configure(command, context));
        app.OnExecute(() =>
        {
            app.ShowHelp();
            context.Console.Error.WriteLine("policylint: a command is required (e.g. 'policylint lint samples').");
            return ExitCodes.UsageErrorOrNoInput;
        });

        int OnValidationError(System.ComponentModel.DataAnnotations.ValidationResult result)
        {
            context.Console.Error.WriteLine($"policylint: {result.ErrorMessage}");
            return ExitCodes.UsageErrorOrNoInput;
        }

        // Subcommands do not inherit the handler; without it a validation error exits 1, which means "findings".
        app.ValidationErrorHandler = OnValidationError;
        foreach (var command in app.Commands)
        {
            command.ValidationErrorHandler = OnValidationError;
        }

        return app;
    }
}

/// <summary>What every command is given: the console and the directory relative paths are resolved against.</summary>
public sealed record CommandContext(IConsole Console, WorkingDirectory Directory);

/// <summary>The directory relative paths are resolved against.</summary>
public sealed record WorkingDirectory(string Path);

using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Configuration;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Rules;

namespace PolicyLint.Cli;

public sealed class ShowCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public ShowCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    public static void Configure(CommandLineApplication command, CommandContext context)
    {
        command.Description = "Print what PolicyLint read: each source with its assignments and normalized settings, then the effective policy per node and scope.";
        command.HelpOption("-h|--help");
        var paths = command.Argument("paths", "Files or folders to read.", multipleValues: true)
            .Required("give at least one file or folder, e.g. 'policylint show samples/intune'");
        var format = command.Option("-f|--format <FORMAT>", "text (default) or json (stable, documented in docs/show.md).", CommandOptionType.SingleValue)
            .AllowedValues("text", "json");
        var config = command.Option("-c|--config <PATH>", "Configuration file (tenant folders decide what can overlap).", CommandOptionType.SingleValue);
        command.OnExecute(() => new ShowCommand(context.Console, context.Directory)
        {
            Paths = [.. paths.Values],
            Format = format.Value() ?? "text",
            Config = config.Value(),
        }.OnExecute());
    }

    public string[] Paths { get; init; } = [];

    public string Format { get; init; } = "text";

    public string? Config { get; init; }

    public int OnExecute()
    {
        PolicyLintConfig config;
        try
        {
            config = ConfigFile.Load(Config, Paths, _directory.Path);
        }
        catch (ConfigException ex)
        {
            _console.Error.WriteLine($"policylint: {ex.Message}");
            return ExitCodes.UsageErrorOrNoInput;
        }

        var report = new LintEngine(BuiltInRules.All).Lint(Paths, _directory.Path, config);
        foreach (var missing in report.MissingPaths)
        {
            _console.Error.WriteLine($"policylint: '{missing}' does not exist");
        }

        if (report.MissingPaths.Length > 0)
        {
            return ExitCodes.UsageErrorOrNoInput;
        }

        IReportWriter writer = Format.Equals("json", StringComparison.OrdinalIgnoreCase) ? new PolicyModelJsonWriter() : new PolicyModelTextWriter();
        writer.Write(report, _console.Out);
        return report.HasReadableInput ? ExitCodes.Success : ExitCodes.UsageErrorOrNoInput;
    }
}

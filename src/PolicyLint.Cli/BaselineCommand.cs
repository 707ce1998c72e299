using McMaster.Extensions.CommandLineUtils;

namespace PolicyLint.Cli;

public sealed class BaselineCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public BaselineCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    public static void Configure(CommandLineApplication command, CommandContext context)
    {
        command.Description = "Write today's findings as a SARIF baseline; 'lint --baseline' then fails only on new and updated findings.";
        command.HelpOption("-h|--help");
        var paths = command.Argument("paths", "Files or folders to lint.", multipleValues: true)
            .Required("give at least one file or folder, e.g. 'policylint baseline samples -o baseline.sarif'");
        var output = command.Option("-o|--output <PATH>", "The baseline file to write (SARIF).", CommandOptionType.SingleValue)
            .Required("give the baseline file with -o, e.g. -o .policylint/baseline.sarif");
        var config = command.Option("-c|--config <PATH>", "Configuration file (default: the nearest .policylint.yml).", CommandOptionType.SingleValue);
        var rules = command.Option(CustomRulesOption.Template, CustomRulesOption.Description + " Give the same folder to 'lint --baseline', or its findings all count as new.", CommandOptionType.SingleValue);
        command.OnExecute(() => new BaselineCommand(context.Console, context.Directory)
        {
            Paths = [.. paths.Values],
            Output = output.Value()!,
            Config = config.Value(),
            RulesFolder = rules.Value(),
        }.OnExecute());
    }

    public string[] Paths { get; init; } = [];

    public string Output { get; init; } = string.Empty;

    public string? Config { get; init; }

    public string? RulesFolder { get; init; }

    /// <summary>The same run as 'lint --format sarif=PATH', except that findings never fail it: a baseline records them.</summary>
    public int OnExecute()
    {
        string[] args = ["lint", .. Paths, "--format", $"sarif={Output}", "--fail-on", "none", .. Config is null ? Array.Empty<string>() : ["--config", Config], .. RulesFolder is null ? Array.Empty<string>() : ["--rules", RulesFolder]];
        return PolicyLintCli.Run(args, _console, _directory.Path);
    }
}

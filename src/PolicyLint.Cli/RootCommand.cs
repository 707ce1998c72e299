using McMaster.Extensions.CommandLineUtils;

namespace PolicyLint.Cli;

[Command("policylint", Description = "Lints Windows Hello for Business policy (Intune exports and Group Policy) before it ships.")]
[Subcommand(typeof(LintCommand), typeof(BaselineCommand), typeof(PullCommand), typeof(ShowCommand), typeof(RulesCommand), typeof(ExplainCommand), typeof(InitCommand))]
[VersionOptionFromMember("--version", MemberName = nameof(Version))]
[HelpOption("-h|--help")]
public sealed class RootCommand
{
    private readonly IConsole _console;

    public RootCommand(IConsole console) => _console = console;

    public static string Version => Output.ToolInfo.Version;

    public int OnExecute(CommandLineApplication app)
    {
        app.ShowHelp();
        _console.Error.WriteLine("policylint: a command is required (e.g. 'policylint lint samples').");
        return ExitCodes.UsageErrorOrNoInput;
    }
}

/// <summary>
/// The root as a lint run sees it (the first argument is <c>lint</c>): the same root with only the lint command under
/// it. McMaster builds every subcommand from its attributes by reflection when the application is made; a lint, the
/// command CI runs on every pull request, then builds one command instead of seven (docs/performance.md, cold start).
/// </summary>
[Command("policylint", Description = "Lints Windows Hello for Business policy (Intune exports and Group Policy) before it ships.")]
[Subcommand(typeof(LintCommand))]
[HelpOption("-h|--help")]
public sealed class LintRootCommand
{
    public int OnExecute() => ExitCodes.UsageErrorOrNoInput;
}

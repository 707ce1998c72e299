using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;

namespace PolicyLint.Cli;

[Command("baseline", Description = "Write today's findings as a SARIF baseline; 'lint --baseline' then fails only on new and updated findings.")]
[HelpOption("-h|--help")]
public sealed class BaselineCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public BaselineCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    [Argument(0, "paths", "Files or folders to lint.")]
    [Required(ErrorMessage = "give at least one file or folder, e.g. 'policylint baseline samples -o baseline.sarif'")]
    public string[] Paths { get; set; } = [];

    [Option("-o|--output <PATH>", Description = "The baseline file to write (SARIF).")]
    [Required(ErrorMessage = "give the baseline file with -o, e.g. -o .policylint/baseline.sarif")]
    public string Output { get; set; } = string.Empty;

    [Option("-c|--config <PATH>", Description = "Configuration file (default: the nearest .policylint.yml).")]
    public string? Config { get; set; }

    [Option(CustomRulesOption.Template, Description = CustomRulesOption.Description + " Give the same folder to 'lint --baseline', or its findings all count as new.")]
    public string? RulesFolder { get; set; }

    /// <summary>The same run as 'lint --format sarif=PATH', except that findings never fail it: a baseline records them.</summary>
    public int OnExecute()
    {
        string[] args = ["lint", .. Paths, "--format", $"sarif={Output}", "--fail-on", "none", .. Config is null ? Array.Empty<string>() : ["--config", Config], .. RulesFolder is null ? Array.Empty<string>() : ["--rules", RulesFolder]];
        return PolicyLintCli.Run(args, _console, _directory.Path);
    }
}

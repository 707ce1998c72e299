using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Configuration;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Rules;

namespace PolicyLint.Cli;

[Command("show", Description = "Print what PolicyLint read: each source with its assignments and normalized settings, then the effective policy per node and scope.")]
[HelpOption("-h|--help")]
public sealed class ShowCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public ShowCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    [Argument(0, "paths", "Files or folders to read.")]
    [Required(ErrorMessage = "give at least one file or folder, e.g. 'policylint show samples/intune'")]
    public string[] Paths { get; set; } = [];

    [Option("-f|--format <FORMAT>", Description = "text (default) or json (stable, documented in docs/show.md).")]
    [McMaster.Extensions.CommandLineUtils.AllowedValues("text", "json", IgnoreCase = true)]
    public string Format { get; set; } = "text";

    [Option("-c|--config <PATH>", Description = "Configuration file (tenant folders decide what can overlap).")]
    public string? Config { get; set; }

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

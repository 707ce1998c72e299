using System.ComponentModel.DataAnnotations;
using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Rules;

namespace PolicyLint.Cli;

[Command("explain", Description = "Print a rule's page: cause, why it matters, how to fix, how to suppress.")]
[HelpOption("-h|--help")]
public sealed class ExplainCommand
{
    private readonly IConsole _console;

    public ExplainCommand(IConsole console) => _console = console;

    [Argument(0, "id", "Rule id, e.g. PL2001.")]
    [Required(ErrorMessage = "give a rule id, e.g. 'policylint explain PL2001' ('policylint rules' lists them)")]
    public string Id { get; set; } = string.Empty;

    public int OnExecute()
    {
        var page = RulePages.Find(Id.Trim().ToUpperInvariant());
        if (page is null)
        {
            _console.Error.WriteLine($"policylint: no rule '{Id}'; 'policylint rules' lists them");
            return ExitCodes.UsageErrorOrNoInput;
        }

        _console.Out.Write(page);
        return ExitCodes.Success;
    }
}

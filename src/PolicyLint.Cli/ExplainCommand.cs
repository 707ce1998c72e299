using System.Globalization;
using System.Text;
using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Analysis;
using PolicyLint.CustomRules;
using PolicyLint.Rules;

namespace PolicyLint.Cli;

public sealed class ExplainCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public ExplainCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    public static void Configure(CommandLineApplication command, CommandContext context)
    {
        command.Description = "Print a rule's page: cause, why it matters, how to fix, how to suppress.";
        command.HelpOption("-h|--help");
        var id = command.Argument("id", "Rule id, e.g. PL2001.")
            .Required("give a rule id, e.g. 'policylint explain PL2001' ('policylint rules' lists them)");
        var rules = command.Option(CustomRulesOption.Template, "A folder of custom rules (docs/custom-rules.md): explain one of them, from its page in DIR/docs/<id>.md or else its descriptor.", CommandOptionType.SingleValue);
        command.OnExecute(() => new ExplainCommand(context.Console, context.Directory)
        {
            Id = id.Value!,
            RulesFolder = rules.Value(),
        }.OnExecute());
    }

    public string Id { get; init; } = string.Empty;

    public string? RulesFolder { get; init; }

    public int OnExecute()
    {
        var id = Id.Trim();
        string? page;
        if (RulesFolder is null)
        {
            page = RulePages.Find(id.ToUpperInvariant());
        }
        else
        {
            using var custom = CustomRulesOption.Load(RulesFolder, _console, _directory.Path, verbose: false);
            if (custom is null)
            {
                return ExitCodes.UsageErrorOrNoInput;
            }

            page = RulePages.Find(id.ToUpperInvariant()) ?? CustomPage(new AnalysisDriver(CustomRulesOption.WithBuiltIn(custom), custom.Files).Rules, id);
        }

        if (page is null)
        {
            _console.Error.WriteLine($"policylint: no rule '{Id}'; 'policylint rules{(RulesFolder is null ? "" : " --rules " + RulesFolder)}' lists them");
            return ExitCodes.UsageErrorOrNoInput;
        }

        _console.Out.Write(page);
        return ExitCodes.Success;
    }

    /// <summary>A custom rule's page, or one made from its descriptor when its folder has none (docs/&lt;id&gt;.md).</summary>
    private static string? CustomPage(IEnumerable<ReportRule> rules, string id)
    {
        var rule = rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            return null;
        }

        if (rule.HelpMarkdown is { } page)
        {
            return page;
        }

        var descriptor = rule.Descriptor;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# {rule.Id}: {rule.Name}\n\n")
            .Append(CultureInfo.InvariantCulture, $"{descriptor.Title.ToString(CultureInfo.InvariantCulture)} (custom rule, {Levels.NameOf(descriptor.DefaultSeverity)}, category {descriptor.Category})\n\n")
            .Append(CultureInfo.InvariantCulture, $"{descriptor.Description.ToString(CultureInfo.InvariantCulture)}\n");
        if (descriptor.HelpLinkUri is { Length: > 0 } link)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nMore: {link}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n(The rules folder has no page for {rule.Id}: add {CustomRuleLoader.PagesFolder}/{rule.Id}.md beside the rules.)\n");
        return text.ToString();
    }
}

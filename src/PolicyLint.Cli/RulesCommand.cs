using System.Globalization;
using System.Text.Json;
using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Analysis;
using PolicyLint.Rules;

namespace PolicyLint.Cli;

public sealed class RulesCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public RulesCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    public static void Configure(CommandLineApplication command, CommandContext context)
    {
        command.Description = "List every rule: id, name, default level, category, title and help link.";
        command.HelpOption("-h|--help");
        var format = command.Option("-f|--format <FORMAT>", "text (default), json or markdown.", CommandOptionType.SingleValue)
            .AllowedValues("text", "json", "markdown");
        var rules = command.Option(CustomRulesOption.Template, CustomRulesOption.Description + " They are listed after the built-in rules (and compiled, so this also checks them).", CommandOptionType.SingleValue);
        command.OnExecute(() => new RulesCommand(context.Console, context.Directory)
        {
            Format = format.Value() ?? "text",
            RulesFolder = rules.Value(),
        }.OnExecute());
    }

    public string Format { get; init; } = "text";

    public string? RulesFolder { get; init; }

    public int OnExecute()
    {
        using var custom = RulesFolder is null ? null : CustomRulesOption.Load(RulesFolder, _console, _directory.Path, verbose: false);
        if (RulesFolder is not null && custom is null)
        {
            return ExitCodes.UsageErrorOrNoInput;
        }

        var rules = custom is null ? new AnalysisDriver(BuiltInRules.All).Rules : new AnalysisDriver(CustomRulesOption.WithBuiltIn(custom), custom.Files).Rules;
        switch (Format.ToLowerInvariant())
        {
            case "json":
                using (var stream = new MemoryStream())
                {
                    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        json.WriteStartArray();
                        foreach (var rule in rules)
                        {
                            json.WriteStartObject();
                            json.WriteString("id", rule.Id);
                            json.WriteString("name", rule.Name);
                            json.WriteString("level", Levels.NameOf(rule.Descriptor.DefaultSeverity));
                            json.WriteString("category", rule.Descriptor.Category);
                            json.WriteString("title", rule.Descriptor.Title.ToString(CultureInfo.InvariantCulture));
                            json.WriteString("helpUri", rule.Descriptor.HelpLinkUri);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    _console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                }

                break;
            case "markdown":
                _console.Out.Write(PolicyLint.Output.RuleTable.Markdown(rules));
                break;
            default:
                foreach (var rule in rules)
                {
                    _console.Out.WriteLine($"{rule.Id}  {Levels.NameOf(rule.Descriptor.DefaultSeverity),-7}  {rule.Name}: {rule.Descriptor.Title}");
                }

                break;
        }

        return ExitCodes.Success;
    }
}

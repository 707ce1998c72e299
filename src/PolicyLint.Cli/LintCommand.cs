using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Output;
using PolicyLint.Pipeline;
using PolicyLint.Rules;

namespace PolicyLint.Cli;

public sealed class LintCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public LintCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    /// <summary>Declares lint's arguments and options on <paramref name="command"/> and what runs it.</summary>
    public static void Configure(CommandLineApplication command, CommandContext context)
    {
        command.Description = "Lint exported policy files and folders (folders are read recursively; formats are detected from content).";
        command.HelpOption("-h|--help");
        var paths = command.Argument("paths", "Files or folders to lint (or --tenant to lint a tenant through Microsoft Graph).", multipleValues: true);
        var tenant = command.Option("--tenant <TENANT>", "Pull the tenant's WHfB policy through Microsoft Graph into memory and lint it (same sign-in options as 'pull'; docs/graph.md).", CommandOptionType.SingleValue);
        var auth = command.Option("--auth <MODE>", "With --tenant: sign-in mode, as for 'pull' (default: a chain from the environment).", CommandOptionType.SingleValue);
        var cloud = command.Option("--cloud <CLOUD>", "With --tenant: public (default), usGovernment, usGovernmentDoD or china.", CommandOptionType.SingleValue);
        var graphUrl = command.Option("--graph-url <URL>", "With --tenant: Graph base URL instead of the cloud's.", CommandOptionType.SingleValue);
        var formats = command.Option("-f|--format <FORMAT>", "Output format: text (default), json, sarif, markdown (PR comment, step summary), github (Actions annotations), codeclimate (GitLab Code Quality) or html (a self-contained page with a settings matrix); FORMAT=PATH writes it to a file. May be repeated.", CommandOptionType.MultipleValue);
        var output = command.Option("-o|--output <PATH>", "File for the one --format given without its own =PATH.", CommandOptionType.SingleValue);
        var failOn = command.Option("--fail-on <LEVEL>", "Exit 1 when a finding is at or above LEVEL: error (default), warning, note or none.", CommandOptionType.SingleValue)
            .AllowedValues("error", "warning", "note", "none");
        var config = command.Option("-c|--config <PATH>", "Configuration file (default: the nearest .policylint.yml above the linted paths or the working directory).", CommandOptionType.SingleValue);
        var baseline = command.Option("--baseline <SARIF>", "A previous run's SARIF (policylint baseline): each finding is marked new, unchanged or updated, and --fail-on counts only new and updated ones.", CommandOptionType.SingleValue);
        var timestamps = command.Option("--timestamps", "Record the run's start and end times in SARIF (off by default, so the same input gives the same bytes).", CommandOptionType.NoValue);
        var rules = command.Option(CustomRulesOption.Template, CustomRulesOption.Description, CommandOptionType.SingleValue);
        var verbose = command.Option("-v|--verbose", "List skipped files and notes about the inputs on standard error.", CommandOptionType.NoValue);
        command.OnExecute(() => new LintCommand(context.Console, context.Directory)
        {
            Paths = [.. paths.Values],
            Tenant = tenant.Value(),
            Auth = auth.Value() ?? "default",
            Cloud = cloud.Value() ?? CloudNames.Public,
            GraphUrl = graphUrl.Value(),
            Formats = [.. formats.Values],
            Output = output.Value(),
            FailOn = failOn.Value() ?? "error",
            Config = config.Value(),
            BaselinePath = baseline.Value(),
            Timestamps = timestamps.HasValue(),
            RulesFolder = rules.Value(),
            Verbose = verbose.HasValue(),
        }.OnExecute());
    }

    public string[] Paths { get; init; } = [];

    public string? Tenant { get; init; }

    public string Auth { get; init; } = "default";

    // The SDK's name, not GraphCloud.Public.Name: touching GraphCloud would load PolicyLint.Graph, Azure.Identity and
    // Azure.Core into every lint (docs/performance.md, cold start).
    public string Cloud { get; init; } = CloudNames.Public;

    public string? GraphUrl { get; init; }

    public string[] Formats { get; init; } = [];

    public string? Output { get; init; }

    public string FailOn { get; init; } = "error";

    public string? Config { get; init; }

    public string? BaselinePath { get; init; }

    public bool Timestamps { get; init; }

    public string? RulesFolder { get; init; }

    public bool Verbose { get; init; }

    public int OnExecute()
    {
        if (Paths.Length == 0 == (Tenant is null))
        {
            _console.Error.WriteLine(Tenant is null
                ? "policylint: give at least one file or folder to lint, e.g. 'policylint lint samples', or --tenant <tenant>"
                : "policylint: lint either files and folders or a tenant (--tenant), not both");
            return ExitCodes.UsageErrorOrNoInput;
        }

        if (!TryParseOutputs(out var outputs, out var error))
        {
            _console.Error.WriteLine($"policylint: {error}");
            return ExitCodes.UsageErrorOrNoInput;
        }

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

        Baseline? baseline = null;
        if (BaselinePath is not null)
        {
            try
            {
                baseline = Baseline.Load(System.IO.Path.GetFullPath(BaselinePath, _directory.Path));
            }
            catch (BaselineException ex)
            {
                _console.Error.WriteLine($"policylint: {ex.Message}");
                return ExitCodes.UsageErrorOrNoInput;
            }
        }

        using var custom = RulesFolder is null ? null : CustomRulesOption.Load(RulesFolder, _console, _directory.Path, Verbose);
        if (RulesFolder is not null && custom is null)
        {
            return ExitCodes.UsageErrorOrNoInput;
        }

        var engine = custom is null ? new LintEngine(BuiltInRules.All) : new LintEngine(CustomRulesOption.WithBuiltIn(custom), custom.Files);
        var started = DateTimeOffset.UtcNow;
        LintReport report;
        if (Tenant is not null)
        {
            if (PullTenant() is not { } documents)
            {
                return ExitCodes.UsageErrorOrNoInput;
            }

            report = engine.Run(InputSet.FromDocuments(documents), config);
        }
        else
        {
            report = engine.Lint(Paths, _directory.Path, config);
        }

        foreach (var missing in report.MissingPaths)
        {
            _console.Error.WriteLine($"policylint: '{missing}' does not exist");
        }

        if (report.MissingPaths.Length > 0)
        {
            return ExitCodes.UsageErrorOrNoInput;
        }

        if (Verbose)
        {
            foreach (var notice in report.Notices)
            {
                _console.Error.WriteLine(notice);
            }

            if (config.FilePath is not null)
            {
                _console.Error.WriteLine($"policylint: using configuration {config.FilePath}");
            }
        }

        foreach (var warning in report.ConfigurationWarnings)
        {
            _console.Error.WriteLine(warning);
        }

        if (baseline is not null)
        {
            report = baseline.Apply(report);
        }

        if (Timestamps)
        {
            report = report with { StartTime = started, EndTime = DateTimeOffset.UtcNow };
        }

        foreach (var (writer, path) in outputs)
        {
            if (path is null)
            {
                writer.Write(report, _console.Out);
                continue;
            }

            try
            {
                OutputFile.Write(System.IO.Path.GetFullPath(path, _directory.Path), output => writer.Write(report, output));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _console.Error.WriteLine($"policylint: cannot write {writer.Format} output to '{path}': {InputCollector.Reason(ex)}");
                return ExitCodes.UsageErrorOrNoInput;
            }
        }

        if (outputs.All(o => o.Path is not null))
        {
            // Writing only to files: still say what happened on the console.
            _console.Out.WriteLine(TextReportWriter.Summary(report));
        }

        if (!report.HasReadableInput)
        {
            _console.Error.WriteLine(report.Findings.Any(f => f.RuleId == RuleIds.InputNotReadable)
                ? "policylint: no input could be read"
                : "policylint: no Windows Hello for Business policy found in the given paths (use --verbose to see what was skipped)");
            return ExitCodes.UsageErrorOrNoInput;
        }

        return ExceedsThreshold(report) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    /// <summary>The tenant's objects as named documents (the bytes 'pull' would write), or null after saying why not.</summary>
    private List<InputDocument>? PullTenant()
    {
        if (GraphSettings.Create(Tenant!, Auth, Cloud, GraphUrl, _console, progress: null, out var error) is not var (signIn, options))
        {
            _console.Error.WriteLine($"policylint: {error}");
            return null;
        }

        try
        {
            var pulled = PolicyLint.Graph.TenantPull.ToMemoryAsync(signIn, options).GetAwaiter().GetResult();
            foreach (var note in pulled.Manifest.Notes)
            {
                _console.Error.WriteLine($"policylint: note: {note}");
            }

            return [.. pulled.Documents.Select(d => InputDocument.FromBytes(d.DisplayPath, d.Utf8Json))];
        }
        catch (PolicyLint.Graph.GraphPullException ex)
        {
            _console.Error.WriteLine($"policylint: {ex.Message}");
            return null;
        }
    }

    private bool ExceedsThreshold(LintReport report) =>
        Levels.TryParse(FailOn, out var threshold) && threshold is { } level && report.Findings.Any(f => f.CountsForFailure && f.Severity >= level);

    /// <summary>Parses --format values (FORMAT or FORMAT=PATH) and --output into writer/target pairs.</summary>
    private bool TryParseOutputs(out List<(IReportWriter Writer, string? Path)> outputs, out string error)
    {
        outputs = [];
        error = string.Empty;
        var specs = Formats.Length == 0 ? ["text"] : Formats;
        var outputUsed = false;
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? spec : spec[..equals];
            string? path = equals < 0 ? null : spec[(equals + 1)..];
            var writer = ReportWriters.Find(name.Trim());
            if (writer is null)
            {
                error = $"unknown format '{name}'; expected one of: {string.Join(", ", ReportWriters.All.Select(w => w.Format))}";
                return false;
            }

            if (path is { Length: 0 })
            {
                error = $"--format {name}= needs a file path after '='";
                return false;
            }

            if (path is null && Output is not null)
            {
                if (outputUsed)
                {
                    error = "--output names one file, but more than one --format has no '=PATH'; give each format its own path (e.g. --format sarif=out.sarif)";
                    return false;
                }

                path = Output;
                outputUsed = true;
            }

            outputs.Add((writer, path));
        }

        if (outputs.Count(o => o.Path is null) > 1)
        {
            error = "only one format can write to standard output; give the others a file (e.g. --format json=findings.json)";
            return false;
        }

        if (Output is not null && !outputUsed)
        {
            error = "--output is given, but every --format already has its own '=PATH'";
            return false;
        }

        return true;
    }
}

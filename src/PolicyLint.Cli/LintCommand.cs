using System.ComponentModel.DataAnnotations;
using System.Text;
using McMaster.Extensions.CommandLineUtils;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Output;

namespace PolicyLint.Cli;

[Command("lint", Description = "Lint exported policy files and folders (folders are read recursively; formats are detected from content).")]
[HelpOption("-h|--help")]
public sealed class LintCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public LintCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    [Argument(0, "paths", "Files or folders to lint.")]
    [Required(ErrorMessage = "give at least one file or folder to lint, e.g. 'policylint lint samples'")]
    public string[] Paths { get; set; } = [];

    [Option("-f|--format <FORMAT>", Description = "Output format: text (default), json or sarif; FORMAT=PATH writes it to a file. May be repeated.")]
    public string[] Formats { get; set; } = [];

    [Option("-o|--output <PATH>", Description = "File for the one --format given without its own =PATH.")]
    public string? Output { get; set; }

    [Option("--fail-on <LEVEL>", Description = "Exit 1 when a finding is at or above LEVEL: error (default), warning, note or none.")]
    [McMaster.Extensions.CommandLineUtils.AllowedValues("error", "warning", "note", "none", IgnoreCase = true)]
    public string FailOn { get; set; } = "error";

    [Option("-c|--config <PATH>", Description = "Configuration file (default: the nearest .policylint.yml above the linted paths or the working directory).")]
    public string? Config { get; set; }

    [Option("--timestamps", Description = "Record the run's start and end times in SARIF (off by default, so the same input gives the same bytes).")]
    public bool Timestamps { get; set; }

    [Option("-v|--verbose", Description = "List skipped files and notes about the inputs on standard error.")]
    public bool Verbose { get; set; }

    public int OnExecute()
    {
        if (!TryParseOutputs(out var outputs, out var error))
        {
            _console.Error.WriteLine($"policylint: {error}");
            return ExitCodes.UsageErrorOrNoInput;
        }

        PolicyLintConfig config;
        try
        {
            config = LoadConfig();
        }
        catch (ConfigException ex)
        {
            _console.Error.WriteLine($"policylint: {ex.Message}");
            return ExitCodes.UsageErrorOrNoInput;
        }

        var analyzers = AnalysisDriver.Discover(typeof(Rules.PL3001_CertificateTrustOverridesCloudTrust).Assembly);
        var engine = new LintEngine(LintEngine.DefaultReaders, analyzers);
        var started = DateTimeOffset.UtcNow;
        var result = engine.Lint(Paths, _directory.Path, config);

        foreach (var missing in result.MissingPaths)
        {
            _console.Error.WriteLine($"policylint: '{missing}' does not exist");
        }

        if (result.MissingPaths.Count > 0)
        {
            return ExitCodes.UsageErrorOrNoInput;
        }

        var skipped = result.Skipped.ToList();
        if (Verbose)
        {
            foreach (var file in skipped)
            {
                _console.Error.WriteLine($"{file.FilePath}: skipped: {file.SkipReason}");
            }

            foreach (var note in result.Notes)
            {
                _console.Error.WriteLine($"{note.Location}: note: {note.Message}");
            }

            if (config.FilePath is not null)
            {
                _console.Error.WriteLine($"policylint: using configuration {config.FilePath}");
            }
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var expired in config.Suppressions.Where(s => s.IsExpired(today)))
        {
            _console.Error.WriteLine($"{config.FilePath}({expired.Line},1): warning: the suppression of {expired.RuleId} expired on {expired.ExpiresOn:yyyy-MM-dd} and no longer applies");
        }

        var report = new LintReport
        {
            Diagnostics = result.Diagnostics,
            Rules = [.. engine.Descriptors.Select(d => new ReportRule(d, engine.RuleName(d.Id)))],
            FilesLinted = result.FilesLinted,
            FilesSkipped = skipped.Count,
            Suppressed = [.. result.Suppressed.Select(s => (s.Diagnostic, s.Suppression.Justification))],
            StartTime = Timestamps ? started : null,
            EndTime = Timestamps ? DateTimeOffset.UtcNow : null,
            Notices = [.. skipped.Select(f => $"{f.FilePath}: skipped: {f.SkipReason}"), .. result.Notes.Select(n => n.ToString())],
        };

        foreach (var (writer, path) in outputs)
        {
            if (path is null)
            {
                writer.Write(report, _console.Out);
                continue;
            }

            try
            {
                var full = System.IO.Path.GetFullPath(path, _directory.Path);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
                using var file = new StreamWriter(full, append: false, new UTF8Encoding(false));
                writer.Write(report, file);
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

        if (!result.HasReadableInput)
        {
            _console.Error.WriteLine(result.Diagnostics.Any(d => d.Id == RuleIds.InputNotReadable)
                ? "policylint: no input could be read"
                : "policylint: no Windows Hello for Business policy found in the given paths (use --verbose to see what was skipped)");
            return ExitCodes.UsageErrorOrNoInput;
        }

        return ExceedsThreshold(result.Diagnostics) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Success;
    }

    private PolicyLintConfig LoadConfig()
    {
        if (Config is not null)
        {
            var path = System.IO.Path.GetFullPath(Config, _directory.Path);
            if (!File.Exists(path))
            {
                throw new ConfigException($"configuration file '{Config}' does not exist");
            }

            return PolicyLintConfig.Load(path);
        }

        var found = PolicyLintConfig.Discover(Paths, _directory.Path);
        return found is null ? PolicyLintConfig.Empty : PolicyLintConfig.Load(found);
    }

    private bool ExceedsThreshold(IEnumerable<Diagnostic> diagnostics)
    {
        DiagnosticSeverity? threshold = FailOn.ToLowerInvariant() switch
        {
            "warning" => DiagnosticSeverity.Warning,
            "note" => DiagnosticSeverity.Info,
            "none" => null,
            _ => DiagnosticSeverity.Error,
        };
        return threshold is { } level && diagnostics.Any(d => d.Severity >= level);
    }

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

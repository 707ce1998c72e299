using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Configuration;
using PolicyLint.Output;

namespace PolicyLint.Cli;

[Command("init", Description = "Write a commented starter .policylint.yml in the working directory.")]
[HelpOption("-h|--help")]
public sealed class InitCommand
{
    /// <summary>Every key is commented out, so the file changes nothing until an admin decides; each line says what it does.</summary>
    public const string StarterFile = """
        # PolicyLint configuration (https://github.com/policylint/policylint#configuration-policylintyml).
        # Paths are relative to this file. Every key is optional; uncomment what you need.

        # Folders that hold different tenants: their policies never overlap.
        # tenants:
        #   - contoso
        #   - fabrikam

        # Baseline repositories (policies exported with "assignments": [] before they are assigned): check them as if
        # assigned to all devices.
        # assumeAssigned: true

        # Per-rule level: error, warning, note, or none (turns the rule off). 'policylint rules' lists them.
        # rules:
        #   PL4003: error

        # Accepted findings: a justification is required; after expiresOn the finding comes back.
        # suppressions:
        #   - rule: PL3001
        #     path: contoso/intune/*.json      # glob; ** crosses folders
        #     policy: WHfB - Certificate Trust (legacy)
        #     justification: Migration from certificate trust, wave 2 (CHG-1234)
        #     expiresOn: 2027-01-31

        """;

    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public InitCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    [Option("--force", Description = "Overwrite an existing .policylint.yml.")]
    public bool Force { get; set; }

    public int OnExecute()
    {
        var path = Path.Combine(_directory.Path, PolicyLintConfig.FileName);
        if (File.Exists(path) && !Force)
        {
            _console.Error.WriteLine($"policylint: {PolicyLintConfig.FileName} already exists here; use --force to overwrite it");
            return ExitCodes.UsageErrorOrNoInput;
        }

        try
        {
            OutputFile.Write(path, output => output.Write(StarterFile.ReplaceLineEndings("\n")));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _console.Error.WriteLine($"policylint: cannot write {path}: {ex.Message}");
            return ExitCodes.UsageErrorOrNoInput;
        }

        _console.Out.WriteLine($"wrote {PolicyLintConfig.FileName}");
        return ExitCodes.Success;
    }
}

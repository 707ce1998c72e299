using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Configuration;
using PolicyLint.Output;

namespace PolicyLint.Cli;

public sealed class InitCommand
{
    /// <summary>Every key is commented out, so the file changes nothing until an admin decides; each line says what it does.</summary>
    public const string StarterFile = """
        # PolicyLint configuration. docs/configuration.md describes every key.
        # Paths are relative to this file. Every key is optional and commented out: uncomment what you need.

        # --- What you know about the tenant (rules that need a fact stay silent until it is set) -------------------
        # These top-level keys are the defaults for every tenant; an entry of 'tenants:' below may set its own.

        # Your Entra tenant ID (Entra admin center > Overview). PL4001 then reports OMA-URIs that name another tenant.
        # tenantId: 00000000-0000-0000-0000-000000000000

        # The cloud, as 'policylint pull --cloud' names it: public | usGovernment | usGovernmentDoD | china.
        # cloud: public

        # The trust model you mean to deploy: cloudKerberos | key | certificate. PL3004 reports devices that get another.
        # expectedTrustModel: cloudKerberos

        # How the Windows devices are joined: entra | hybrid | both (some of each).
        # joinType: hybrid

        # Users sign in through a federation service (AD FS or a third party), and its sign-in host names.
        # federated: true
        # federationHosts: [adfs.contoso.com]

        # The oldest Windows build in the tenant: settings that need a newer build are reported.
        # minimumWindowsBuild: 10.0.19045

        # Baseline repositories (policies exported with "assignments": [] before they are assigned): check them as if
        # assigned to all devices, so conflicts between them are reported at full level instead of as notes.
        # assumeAssigned: true

        # --- Tenants -------------------------------------------------------------------------------------------
        # Folders that hold different tenants: their policies never overlap. An entry is a folder, or a mapping with
        # 'path' plus any of the keys above and rule options, which replace the defaults for that tenant only.
        # tenants:
        #   - contoso
        #   - path: fabrikam
        #     tenantId: 00000000-0000-0000-0000-000000000000
        #     joinType: entra
        #     expectedTrustModel: key
        #     rules:
        #       PL5002: { minimumPinLength: 8 }     # a tenant's rules take options only, not levels

        # --- Rules ---------------------------------------------------------------------------------------------
        # Per-rule level: error, warning, note, or none (turns the rule off). 'policylint rules' lists them.
        # Or a mapping: 'level' and/or the rule's options.
        # rules:
        #   PL4003: error
        #   PL5002:
        #     level: warning
        #     minimumPinLength: 8                   # report minimum PIN lengths below 8 (4-127; default 6)

        # --- Suppressions --------------------------------------------------------------------------------------
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

    public static void Configure(CommandLineApplication command, CommandContext context)
    {
        command.Description = "Write a commented starter .policylint.yml in the working directory.";
        command.HelpOption("-h|--help");
        var force = command.Option("--force", "Overwrite an existing .policylint.yml.", CommandOptionType.NoValue);
        command.OnExecute(() => new InitCommand(context.Console, context.Directory) { Force = force.HasValue() }.OnExecute());
    }

    public bool Force { get; init; }

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

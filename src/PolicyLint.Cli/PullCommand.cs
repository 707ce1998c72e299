using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Analysis;
using PolicyLint.Graph;

namespace PolicyLint.Cli;

public sealed class PullCommand
{
    private readonly IConsole _console;
    private readonly WorkingDirectory _directory;

    public PullCommand(IConsole console, WorkingDirectory directory)
    {
        _console = console;
        _directory = directory;
    }

    public static void Configure(CommandLineApplication command, CommandContext context)
    {
        command.Description = "Pull Windows Hello for Business policy from a tenant through Microsoft Graph into a folder that 'policylint lint' reads. Sign-in settings come from environment variables (docs/graph.md).";
        command.HelpOption("-h|--help");
        var tenant = command.Option("--tenant <TENANT>", "Tenant id or domain (contoso.onmicrosoft.com).", CommandOptionType.SingleValue)
            .Required("give the tenant to pull from, e.g. 'policylint pull --tenant contoso.onmicrosoft.com --out tenant-export'");
        var output = command.Option("--out <FOLDER>", "Folder the export is written to: new, empty, or a previous pull's export (it is replaced).", CommandOptionType.SingleValue)
            .Required("give the folder to write with --out, e.g. --out tenant-export");
        var auth = command.Option("--auth <MODE>", "Sign-in: default, browser, devicecode, secret, certificate, github, azurepipelines, workloadidentity, managedidentity, azurecli or token (POLICYLINT_GRAPH_TOKEN).", CommandOptionType.SingleValue);
        var cloud = command.Option("--cloud <CLOUD>", "National cloud: public (default), usGovernment, usGovernmentDoD or china.", CommandOptionType.SingleValue);
        var graphUrl = command.Option("--graph-url <URL>", "Graph base URL instead of the cloud's (https; plain http only on this machine).", CommandOptionType.SingleValue);
        var verbose = command.Option("-v|--verbose", "Say which sign-in is used and what each Graph collection gave.", CommandOptionType.NoValue);
        command.OnExecute(() => new PullCommand(context.Console, context.Directory)
        {
            Tenant = tenant.Value()!,
            Out = output.Value()!,
            Auth = auth.Value() ?? "default",
            Cloud = cloud.Value() ?? CloudNames.Public,
            GraphUrl = graphUrl.Value(),
            Verbose = verbose.HasValue(),
        }.OnExecute());
    }

    public string Tenant { get; init; } = string.Empty;

    public string Out { get; init; } = string.Empty;

    public string Auth { get; init; } = "default";

    public string Cloud { get; init; } = CloudNames.Public;

    public string? GraphUrl { get; init; }

    public bool Verbose { get; init; }

    public int OnExecute()
    {
        using var cancel = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // The first Ctrl+C stops the pull cleanly (the old export stays); a second one ends the process.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        }

        _console.CancelKeyPress += OnCancel;
        var progress = new ProgressLine(_console);
        try
        {
            if (GraphSettings.Create(Tenant, Auth, Cloud, GraphUrl, _console, progress.Show, out var error) is not var (signIn, options))
            {
                return Usage(error);
            }

            if (Verbose)
            {
                _console.Error.WriteLine($"policylint: pulling tenant {Tenant} from {options.EffectiveGraphUrl.GetLeftPart(UriPartial.Authority)} (--auth {signIn.Mode})");
            }

            var output = Path.GetFullPath(Out, _directory.Path);
            var manifest = TenantPull.ToFolderAsync(signIn, options, output, Out, cancel.Token).GetAwaiter().GetResult();
            progress.Clear();
            if (Verbose)
            {
                foreach (var endpoint in manifest.Endpoints)
                {
                    _console.Error.WriteLine($"policylint: {endpoint.Path}: {endpoint.Listed} listed, {endpoint.Kept} kept");
                }
            }

            foreach (var note in manifest.Notes)
            {
                _console.Error.WriteLine($"policylint: note: {note}");
            }

            _console.Out.WriteLine($"Pulled {manifest.Objects} Windows Hello for Business object(s), {manifest.Groups} group name(s) and {manifest.AssignmentFilters} assignment filter(s) from tenant {manifest.TenantId ?? Tenant} into {Out} ({manifest.Requests} Graph requests). Lint it with: policylint lint {Out}");
            return ExitCodes.Success;
        }
        catch (GraphPullException ex)
        {
            progress.Clear();
            _console.Error.WriteLine($"policylint: {ex.Message}");
            _console.Error.WriteLine($"policylint: nothing was written to {Out}");
            return ExitCodes.UsageErrorOrNoInput;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            progress.Clear();
            _console.Error.WriteLine($"policylint: pull cancelled; {Out} is as it was");
            return ExitCodes.UsageErrorOrNoInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            progress.Clear();
            _console.Error.WriteLine($"policylint: cannot write the export to '{Out}': {ex.Message}");
            return ExitCodes.UsageErrorOrNoInput;
        }
        finally
        {
            _console.CancelKeyPress -= OnCancel;
        }
    }

    private int Usage(string message)
    {
        _console.Error.WriteLine($"policylint: {message}");
        return ExitCodes.UsageErrorOrNoInput;
    }

    /// <summary>"objects fetched / listed" rewritten in place on a terminal; nothing at all on a redirected stream.</summary>
    private sealed class ProgressLine
    {
        private readonly IConsole _console;
        private readonly bool _enabled;
        private readonly object _lock = new();
        private long _lastTicks;
        private int _width;

        public ProgressLine(IConsole console)
        {
            _console = console;
            _enabled = !console.IsErrorRedirected;
        }

        public void Show(PullProgress progress)
        {
            if (!_enabled)
            {
                return;
            }

            lock (_lock)
            {
                // A few updates a second are enough to watch; more would only cost time.
                var now = Environment.TickCount64;
                if (now - _lastTicks < 100 && progress.Fetched < progress.Listed)
                {
                    return;
                }

                _lastTicks = now;
                var text = $"pulling: {progress.Fetched}/{progress.Listed} objects";
                _console.Error.Write("\r" + text.PadRight(_width));
                _width = text.Length;
            }
        }

        public void Clear()
        {
            if (!_enabled || _width == 0)
            {
                return;
            }

            lock (_lock)
            {
                _console.Error.Write("\r" + new string(' ', _width) + "\r");
                _width = 0;
            }
        }
    }
}

using System.Reflection;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Tool;

/// <summary>
/// The PolicyLint tool packed from this build and installed into a temporary tool path, once for all tests of a class.
/// </summary>
/// <remarks>
/// The pack uses <c>--no-build</c> in the configuration this test assembly was built in: the test project references
/// the CLI, so its output is already built (by <c>.ci/run</c>'s <c>-warnaserror</c> Release build, or by
/// <c>dotnet test</c>), and a second build inside the test run can neither race that build nor pack other bits than
/// the ones tested. The publish folder and nuspec go to temp folders, so stale files in bin/ never reach the
/// package. The install reads a nuget.config that clears every source: only the packed folder is used, no network.
/// </remarks>
public sealed class PackedTool : IDisposable
{
    // Deadlines against hangs, not speed checks: on a loaded 2-core machine pack and install took 30 s (4 s idle).
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _temp = new();
    private readonly Lazy<(string Package, string Command)> _installed;

    public PackedTool() => _installed = new Lazy<(string, string)>(PackAndInstall, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The configuration (Debug, Release) this test assembly, and so the CLI it references, was built in.</summary>
    public static string Configuration { get; } =
        typeof(PackedTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public string PackageFile => _installed.Value.Package;

    /// <summary>Runs the installed <c>policylint</c> launcher.</summary>
    public ChildProcessResult Run(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run(_installed.Value.Command, arguments, workingDirectory, RunTimeout);

    public void Dispose() => _temp.Dispose();

    private (string Package, string Command) PackAndInstall()
    {
        var dotnet = DotnetOnPath.Executable ?? throw new InvalidOperationException(DotnetOnPath.SkipReason);
        var project = Path.Combine(RepoPaths.Root, "src", "PolicyLint.Cli", "PolicyLint.Cli.csproj");
        var builtCli = Path.Combine(RepoPaths.Root, "src", "PolicyLint.Cli", "bin", Configuration);
        if (!Directory.Exists(builtCli) || Directory.GetFiles(builtCli, "policylint.dll", SearchOption.AllDirectories).Length == 0)
        {
            throw new InvalidOperationException(
                $"No {Configuration} build of the CLI under {builtCli}; build the solution in {Configuration} before running this test.");
        }

        var feed = Path.Combine(_temp.Path, "feed");
        var publish = PublishDirectory();
        DeleteDirectory(publish);
        var pack = ChildProcess.Run(dotnet,
        [
            "pack", project, "-c", Configuration, "--no-build", "-o", feed,
            "-p:PublishDir=" + publish + Path.DirectorySeparatorChar,
            "-p:NuspecOutputPath=" + Path.Combine(_temp.Path, "nuspec") + Path.DirectorySeparatorChar,
        ], RepoPaths.Root, PackTimeout);
        DeleteDirectory(publish);
        Require(pack.ExitCode == 0, "dotnet pack failed", pack);
        var packages = Directory.Exists(feed) ? Directory.GetFiles(feed, "*.nupkg") : [];
        Require(packages.Length == 1, $"dotnet pack should write exactly one package to {feed}, found {packages.Length}", pack);

        var config = _temp.Write("nuget.config",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(_temp.Path, "tools");
        var install = ChildProcess.Run(dotnet,
            ["tool", "install", "PolicyLint", "--tool-path", toolPath, "--configfile", config, "--add-source", feed],
            _temp.Path, InstallTimeout);
        Require(install.ExitCode == 0, "dotnet tool install failed", install);

        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "policylint.exe" : "policylint");
        Require(File.Exists(command), $"dotnet tool install did not create {command}", install);
        return (packages[0], command);
    }

    /// <summary>
    /// One publish folder per checkout and configuration, emptied around each pack: the SDK keeps a
    /// PublishOutputs.&lt;hash of PublishDir&gt;.txt in the CLI's obj folder, so a new folder per run would add a file there
    /// every time.
    /// </summary>
    private static string PublishDirectory()
    {
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepoPaths.Root)))[..12];
        return Path.Combine(Path.GetTempPath(), "policylint-tests", $"tool-publish-{key}-{Configuration}");
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static void Require(bool condition, string message, ChildProcessResult result)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message + Environment.NewLine + result);
        }
    }
}

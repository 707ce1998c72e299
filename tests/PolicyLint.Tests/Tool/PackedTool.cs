using System.Reflection;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Tool;

/// <summary>
/// The PolicyLint tool packed from this build and installed into a temporary tool path, once for all tests of a class.
/// </summary>
/// <remarks>
/// The tool ships as RID-specific packages (.NET 10): a small top-level package and, per platform, a package with
/// the ReadyToRun-compiled tool (docs/performance.md). A RID-specific package is published from its own build for
/// that RID, so the pack cannot use <c>--no-build</c>; it packs only this machine's RID (or the portable <c>any</c>
/// package where the project has none for this machine), whose build lands in its own bin/obj folders, apart from
/// the portable build the other tests use. It uses <c>--no-restore</c> (the test build restored every RID), and the
/// publish folder and nuspec go to temp folders, so stale files in bin/ never reach the package. The install reads a
/// nuget.config that clears every source: only the packed folder is used, no network.
/// </remarks>
public sealed class PackedTool : IDisposable
{
    // Deadlines against hangs, not speed checks: on a loaded 2-core machine a ReadyToRun pack and install took over a
    // minute (4 s idle without ReadyToRun); the Linux package's native compile adds two to three minutes on 2 cores.
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _temp = new();
    private readonly Lazy<(string Package, string RidPackage, string Command)> _installed;

    public PackedTool() => _installed = new Lazy<(string, string, string)>(PackAndInstall, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The configuration (Debug, Release) this test assembly, and so the CLI it references, was built in.</summary>
    public static string Configuration { get; } =
        typeof(PackedTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>This machine's RID when the tool has a package for it, else <c>any</c> (the portable package).</summary>
    public static string RuntimeIdentifier { get; } = ToolRuntimeIdentifiers().Contains(RuntimeInformation.RuntimeIdentifier)
        ? RuntimeInformation.RuntimeIdentifier
        : "any";

    /// <summary>
    /// Whether the installed tool is the native program: the Linux x64 package packed on Linux (the native compiler
    /// builds for the OS it runs on; the csproj's PublishNativeBesideJitBuild).
    /// </summary>
    public static bool IsNative { get; } = RuntimeIdentifier == "linux-x64" && OperatingSystem.IsLinux();

    /// <summary>The top-level package: the command and the RID-specific packages it points to.</summary>
    public string PackageFile => _installed.Value.Package;

    /// <summary>The package <c>dotnet tool install</c> installed on this machine (see <see cref="RuntimeIdentifier"/>).</summary>
    public string RidPackageFile => _installed.Value.RidPackage;

    /// <summary>Runs the installed <c>policylint</c> launcher.</summary>
    public ChildProcessResult Run(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run(_installed.Value.Command, arguments, workingDirectory, RunTimeout);

    /// <summary>Runs the installed <c>policylint</c> launcher with extra environment variables.</summary>
    public ChildProcessResult Run(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments) =>
        ChildProcess.Run(_installed.Value.Command, arguments, workingDirectory, RunTimeout, environment);

    public void Dispose() => _temp.Dispose();

    /// <summary>The RIDs the CLI project packs the tool for (its RuntimeIdentifiers).</summary>
    public static IReadOnlyList<string> ToolRuntimeIdentifiers()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "PolicyLint.Cli", "PolicyLint.Cli.csproj"));
        var rids = project.Descendants("RuntimeIdentifiers").Select(e => e.Value).SingleOrDefault() ?? string.Empty;
        return rids.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private (string Package, string RidPackage, string Command) PackAndInstall()
    {
        var dotnet = DotnetOnPath.Executable ?? throw new InvalidOperationException(DotnetOnPath.SkipReason);
        var project = Path.Combine(RepoPaths.Root, "src", "PolicyLint.Cli", "PolicyLint.Cli.csproj");

        var feed = Path.Combine(_temp.Path, "feed");
        var publish = PublishDirectory();
        DeleteDirectory(publish);
        var pack = ChildProcess.Run(dotnet,
        [
            "pack", project, "-c", Configuration, "--no-restore", "-o", feed,
            "-p:ToolPackageRuntimeIdentifiers=" + RuntimeIdentifier,
            "-p:PublishDir=" + publish + Path.DirectorySeparatorChar,
            "-p:NuspecOutputPath=" + Path.Combine(_temp.Path, "nuspec") + Path.DirectorySeparatorChar,
        ], RepoPaths.Root, PackTimeout);
        DeleteDirectory(publish);
        Require(pack.ExitCode == 0, "dotnet pack failed", pack);
        var packages = Directory.Exists(feed) ? Directory.GetFiles(feed, "*.nupkg").Order(StringComparer.Ordinal).ToArray() : [];
        Require(packages.Length == 2, $"dotnet pack should write the top-level package and the {RuntimeIdentifier} package to {feed}, found {packages.Length}", pack);
        var ridPackage = packages.Single(p => Path.GetFileName(p).StartsWith($"PolicyLint.{RuntimeIdentifier}.", StringComparison.Ordinal));
        var topLevel = packages.Single(p => p != ridPackage);

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
        return (topLevel, ridPackage, command);
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

using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyLint.Cli;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Tool;

/// <summary>The tool as users get it: packed, installed with <c>dotnet tool install</c>, run as <c>policylint</c>.</summary>
public sealed partial class PackedToolTests : IClassFixture<PackedTool>
{
    private readonly PackedTool _tool;

    public PackedToolTests(PackedTool tool) => _tool = tool;

    [DotnetFact]
    public void Package_is_PolicyLint_with_the_policylint_command_and_the_rules_inside()
    {
        var version = typeof(PolicyLintCli).Assembly.GetName().Version!;
        Assert.Equal($"PolicyLint.{version.Major}.{version.Minor}.{version.Build}.nupkg", Path.GetFileName(_tool.PackageFile));

        using var package = ZipFile.OpenRead(_tool.PackageFile);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var nuspec = Xml(package, "PolicyLint.nuspec");
        Assert.Equal("PolicyLint", Element(nuspec, "id"));
        Assert.Equal("DotnetTool", Element(nuspec, "packageType", "name"));
        Assert.Equal("README.md", Element(nuspec, "readme"));
        Assert.Contains("README.md", entries);

        var settings = Xml(package, entries.Single(e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)));
        Assert.Equal("policylint", Element(settings, "Command", "Name"));
        Assert.Equal($"PolicyLint.{PackedTool.RuntimeIdentifier}", settings.Descendants().Single(e => e.Name.LocalName == "RuntimeIdentifierPackage").Attribute("Id")?.Value);
    }

    /// <summary>
    /// The package installed on this machine holds the tool and the rules, ReadyToRun-compiled unless it is the portable
    /// one; the Linux x64 package holds the native program, with that build beside it in jit/ (JitCompanion).
    /// </summary>
    [DotnetFact]
    public void Platform_package_holds_the_tool_and_the_rules_precompiled()
    {
        using var package = ZipFile.OpenRead(_tool.RidPackageFile);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var settings = entries.Single(e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        var toolFolder = settings[..(settings.LastIndexOf('/') + 1)];
        var assemblies = PackedTool.IsNative ? toolFolder + JitCompanion.Folder + "/" : toolFolder;
        foreach (var assembly in new[] { "policylint.dll", "PolicyLint.Core.dll", "PolicyLint.Sdk.dll", "PolicyLint.Rules.dll" })
        {
            Assert.True(entries.Contains(assemblies + assembly), $"{assembly} missing from {assemblies} in the package");
            if (PackedTool.RuntimeIdentifier != "any")
            {
                Assert.True(IsReadyToRun(package, assemblies + assembly), $"{assembly} in {Path.GetFileName(_tool.RidPackageFile)} is not ReadyToRun-compiled");
            }
        }

        if (PackedTool.IsNative)
        {
            Assert.True(IsElfExecutable(package, toolFolder + "policylint"), $"{toolFolder}policylint is not a native program");
            Assert.Contains(toolFolder + JitCompanion.Folder + "/policylint", entries);
        }
    }

    /// <summary>
    /// The installed tool (the native program on Linux x64) answers as the CLI the other tests run in-process: the same
    /// output, errors and exit code for every command, each output format and the usage errors.
    /// </summary>
    [DotnetTheory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("lint", "--help")]
    [InlineData("baseline", "--help")]
    [InlineData("pull", "--help")]
    [InlineData("show", "--help")]
    [InlineData("rules", "--help")]
    [InlineData("explain", "--help")]
    [InlineData("init", "--help")]
    [InlineData("lint", "samples")]
    [InlineData("lint", "samples", "--format", "json")]
    [InlineData("lint", "samples", "--format", "sarif")]
    [InlineData("lint", "samples", "--format", "markdown")]
    [InlineData("lint", "samples", "--format", "github")]
    [InlineData("lint", "samples", "--format", "codeclimate")]
    [InlineData("lint", "samples", "--format", "html")]
    [InlineData("lint", "samples/intune", "--fail-on", "note", "--verbose")]
    [InlineData("show", "samples/gpo")]
    [InlineData("show", "samples/intune", "--format", "json")]
    [InlineData("rules")]
    [InlineData("rules", "--format", "json")]
    [InlineData("explain", "PL2001")]
    [InlineData("lint", "--fail-on", "bogus", "samples")]
    [InlineData("lint", "--bogus")]
    [InlineData("lint", "no-such-folder")]
    [InlineData("baseline", "samples")]
    [InlineData("pull", "--out", "x")]
    [InlineData("explain")]
    [InlineData("explain", "PL9999")]
    [InlineData("show", "-f", "yaml", "samples")]
    [InlineData("frob")]
    [InlineData]
    public void Installed_tool_answers_as_the_in_process_cli(params string[] arguments)
    {
        var installed = _tool.Run(RepoPaths.Root, arguments);
        var (exit, console) = TestConsole.Run(RepoPaths.Root, arguments);

        Assert.True(exit == installed.ExitCode, $"exit {installed.ExitCode} from the installed tool, {exit} in-process" + Environment.NewLine + installed);
        Assert.Equal(console.StdOut, installed.StdOut);
        Assert.Equal(console.StdErr, installed.StdErr);
    }

    [DotnetFact]
    public void Installed_tool_lints_the_samples_and_exits_1_with_the_summary()
    {
        var result = _tool.Run(RepoPaths.Root, "lint", RepoPaths.Samples);

        Assert.True(result.ExitCode == 1, "expected exit 1 (findings at or above --fail-on)" + Environment.NewLine + result);
        Assert.True(SummaryLine().IsMatch(result.StdOut), "no summary line in the output" + Environment.NewLine + result);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [DotnetFact]
    public void Installed_tool_prints_usage_for_help()
    {
        var result = _tool.Run(RepoPaths.Root, "--help");

        Assert.True(result.ExitCode is 0 or 2, "expected exit 0 or 2 for --help" + Environment.NewLine + result);
        Assert.True(result.StdOut.Contains("Usage: policylint", StringComparison.Ordinal), "no usage in the output" + Environment.NewLine + result);
        Assert.Contains("lint", result.StdOut, StringComparison.Ordinal);
    }

    /// <summary>
    /// Custom rules work from the installed tool: it compiles them against the framework it runs on (no SDK, no
    /// reference pack needed) and the SDK it ships.
    /// </summary>
    [DotnetFact]
    public void Installed_tool_compiles_and_runs_the_sample_custom_rule()
    {
        var result = _tool.Run(RepoPaths.Root, "lint", "samples/intune", "--rules", "samples/custom-rules");

        Assert.True(result.ExitCode == 1, "expected exit 1 (findings)" + Environment.NewLine + result);
        Assert.True(result.StdOut.Contains("warning ORG1001: MinimumPINLength (device scope) is 6", StringComparison.Ordinal), "ORG1001 did not fire" + Environment.NewLine + result);
        Assert.Contains("error PL3001", result.StdOut, StringComparison.Ordinal);
    }

    /// <summary>
    /// Cold start: the C# compiler (Microsoft.CodeAnalysis.CSharp) is loaded only by a run that compiles custom
    /// rules, and the Graph client (PolicyLint.Graph, Azure.Identity, Azure.Core) only by a run that pulls a tenant.
    /// Roslyn's core assembly (Microsoft.CodeAnalysis) is always there: findings are its Diagnostic objects.
    /// </summary>
    [DotnetFact]
    public void Installed_tool_loads_the_CSharp_compiler_only_with_rules_and_the_graph_client_only_for_a_tenant()
    {
        using var loaded = new LoadedAssemblies();

        var (plain, without) = loaded.Observe(environment => _tool.Run(environment, RepoPaths.Root, "lint", "samples/intune"));
        var (custom, with) = loaded.Observe(environment => _tool.Run(environment, RepoPaths.Root, "lint", "samples/intune", "--rules", "samples/custom-rules"));

        Assert.True(plain.ExitCode == 1, plain.ToString());
        Assert.True(custom.ExitCode == 1, custom.ToString());
        Assert.True(with is not null, "the run with custom rules ran no .NET runtime (the JIT build compiles them)" + Environment.NewLine + custom);
        Assert.Contains("Microsoft.CodeAnalysis.CSharp", with);
        Assert.Contains("PolicyLint.CustomRules.Compiled", with);
        if (PackedTool.IsNative)
        {
            // The native program lints by itself: no .NET runtime starts, so no assembly is loaded at all.
            Assert.True(without is null, "the native tool started a .NET runtime for a plain lint: " + string.Join(", ", without ?? new HashSet<string>()));
            return;
        }

        Assert.True(without is not null, plain.ToString());
        Assert.Contains("PolicyLint.Core", without);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.CSharp", without);
        Assert.DoesNotContain("PolicyLint.Graph", without);
        Assert.DoesNotContain("Azure.Core", without);
        Assert.DoesNotContain("Azure.Identity", without);
    }

    /// <summary>An ELF executable (the native program), not a managed assembly.</summary>
    private static bool IsElfExecutable(ZipArchive package, string entry)
    {
        using var stream = package.GetEntry(entry)!.Open();
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        return magic.SequenceEqual("\u007fELF"u8);
    }

    /// <summary>A ReadyToRun image carries a managed native header next to its IL.</summary>
    private static bool IsReadyToRun(ZipArchive package, string entry)
    {
        using var stream = new MemoryStream();
        using (var zipped = package.GetEntry(entry)!.Open())
        {
            zipped.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static XDocument Xml(ZipArchive package, string entry)
    {
        using var stream = package.GetEntry(entry)!.Open();
        return XDocument.Load(stream);
    }

    // Matched by local name: the nuspec namespace changes with the NuGet version that wrote it.
    private static string? Element(XDocument document, string name, string? attribute = null)
    {
        var element = document.Descendants().FirstOrDefault(e => e.Name.LocalName == name);
        return attribute is null ? element?.Value : element?.Attribute(attribute)?.Value;
    }

    // "6 errors, 9 warnings, 0 notes in 17 files (12 files skipped)"
    [GeneratedRegex(@"^\d+ errors?, \d+ warnings?, \d+ notes? in \d+ files?\b", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyLint.CustomRules;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Tool;

/// <summary>
/// Which assemblies a child process loaded: a .NET startup hook (compiled here with Roslyn, against the framework the
/// tests run on) writes the names of every loaded assembly to a file when the process exits. Used to show that the
/// C# compiler is loaded only by runs that compile custom rules (issue 11, cold start).
/// </summary>
public sealed class LoadedAssemblies : IDisposable
{
    private const string OutputVariable = "POLICYLINT_TEST_LOADED_ASSEMBLIES";

    private const string Hook = """
        public static class StartupHook
        {
            public static void Initialize()
            {
                var path = System.Environment.GetEnvironmentVariable("POLICYLINT_TEST_LOADED_ASSEMBLIES");
                if (string.IsNullOrEmpty(path))
                {
                    return;
                }

                System.AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.WriteAllLines(
                    path,
                    System.Array.ConvertAll(System.AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name ?? "?"));
            }
        }
        """;

    private readonly TempDirectory _temp = new();
    private readonly Lazy<string> _hook;

    public LoadedAssemblies() => _hook = new Lazy<string>(CompileHook, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Runs <paramref name="run"/> with the hook and returns the process result and the names of the assemblies it
    /// loaded, or null when no .NET runtime ran the hook (the native tool running a command itself).
    /// </summary>
    public (ChildProcessResult Result, IReadOnlySet<string>? Assemblies) Observe(Func<IReadOnlyDictionary<string, string>, ChildProcessResult> run)
    {
        var output = Path.Combine(_temp.Path, Guid.NewGuid().ToString("N") + ".txt");
        var result = run(new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = _hook.Value,
            [OutputVariable] = output,
        });
        return (result, File.Exists(output) ? File.ReadAllLines(output).ToHashSet(StringComparer.Ordinal) : null);
    }

    public void Dispose() => _temp.Dispose();

    private string CompileHook()
    {
        var compilation = CSharpCompilation.Create(
            "PolicyLintTestStartupHook",
            [CSharpSyntaxTree.ParseText(Hook)],
            CustomRuleLoader.ReferencePaths().Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_temp.Path, "PolicyLintTestStartupHook.dll");
        var emitted = compilation.Emit(path);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("the startup hook does not compile: " + string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        return path;
    }
}

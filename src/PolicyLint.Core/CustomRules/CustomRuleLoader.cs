using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PolicyLint.Analysis;
using PolicyLint.Input;

namespace PolicyLint.CustomRules;

/// <summary>
/// Compiles the <c>*.cs</c> files of a rules folder (not its subfolders) with Roslyn against PolicyLint.Sdk,
/// Microsoft.CodeAnalysis and the framework the tool runs on, loads the assembly in a collectible
/// <see cref="AssemblyLoadContext"/> that takes the SDK, Roslyn and the framework from the host (so a custom rule's
/// <see cref="PolicyAnalyzer"/> is the host's), and makes one instance of every <see cref="PolicyAnalyzer"/> in it.
/// Pages in <c>docs/&lt;id&gt;.md</c> beside the rules are embedded, so <c>explain</c> and SARIF show them as they
/// show the built-in pages. Reflection and the compiler run here only, when <c>--rules</c> is given.
/// </summary>
public static partial class CustomRuleLoader
{
    /// <summary>The folder under the rules folder that holds the rules' pages (<c>docs/ORG1001.md</c>), as in rules/docs.</summary>
    public const string PagesFolder = "docs";

    /// <summary>
    /// The usings every rule file gets, as a project with ImplicitUsings on has them, so a file compiles the same in
    /// an xUnit project that references PolicyLint.Sdk (docs/custom-rules.md).
    /// </summary>
    private const string ImplicitUsings =
        """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>
    /// Compiles and loads the rules in <paramref name="folder"/>. Throws <see cref="CustomRuleException"/> when the
    /// folder is missing or holds no C# file, when it does not compile (each error with file, line and column), when it
    /// defines no analyzer, or when an analyzer cannot be made or declares an id that is not its to take.
    /// </summary>
    /// <param name="folder">The rules folder, relative to <paramref name="workingDirectory"/> or absolute.</param>
    /// <param name="workingDirectory">Paths in messages are shown relative to it, as findings show input paths.</param>
    /// <param name="builtInRules">The rules PolicyLint brings (their ids cannot be taken), e.g. the engine's <c>Rules</c>.</param>
    public static CustomRuleSet Load(string folder, string workingDirectory, IEnumerable<ReportRule> builtInRules)
    {
        var full = Path.GetFullPath(folder, workingDirectory);
        if (File.Exists(full))
        {
            throw new CustomRuleException($"--rules takes the folder that holds the rule files; '{folder}' is a file");
        }

        if (!Directory.Exists(full))
        {
            throw new CustomRuleException($"the rules folder '{folder}' does not exist");
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(full, "*.cs");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CustomRuleException($"cannot list the rules folder '{folder}': {InputCollector.Reason(ex)}");
        }

        if (files.Length == 0)
        {
            throw new CustomRuleException($"the rules folder '{folder}' holds no C# files (*.cs); a custom rule is a PolicyAnalyzer in a .cs file directly in that folder (docs/custom-rules.md)");
        }

        Array.Sort(files, StringComparer.Ordinal);
        var compilation = Compile(files, workingDirectory);
        var analyzerTypes = AnalyzerTypes(compilation);
        if (analyzerTypes.Count == 0)
        {
            throw new CustomRuleException($"the rules folder '{folder}' defines no rule: a custom rule is a non-abstract class that derives from PolicyLint.Analysis.PolicyAnalyzer (docs/custom-rules.md)");
        }

        var image = Emit(compilation, analyzerTypes, Path.Combine(full, PagesFolder), out var warnings);
        var context = new CustomRulesLoadContext();
        try
        {
            var assembly = context.LoadFromStream(image);
            var (analyzers, ruleFiles) = Instantiate(assembly, analyzerTypes, builtInRules);
            return new CustomRuleSet(folder, analyzers, ruleFiles, warnings, context);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>Every framework assembly of the runtime the tool runs on, plus PolicyLint.Sdk and Microsoft.CodeAnalysis.</summary>
    internal static IReadOnlyList<string> ReferencePaths()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var sdk = typeof(PolicyAnalyzer).Assembly.Location;
        var roslyn = typeof(DiagnosticDescriptor).Assembly.Location;
        if (string.IsNullOrEmpty(runtimeDirectory) || string.IsNullOrEmpty(sdk) || string.IsNullOrEmpty(roslyn))
        {
            throw new CustomRuleException("custom rules need PolicyLint's assemblies on disk (the .NET tool or a build), not a single-file app");
        }

        // The trusted platform assemblies are the managed assemblies the host resolved: those in the runtime's own
        // folder are the shared framework (Microsoft.NETCore.App), whatever else the app brings.
        var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .ToList() ?? [];
        if (platform.Count == 0)
        {
            platform = [.. Directory.GetFiles(runtimeDirectory, "System*.dll"), .. Directory.GetFiles(runtimeDirectory, "Microsoft.*.dll"), Path.Combine(runtimeDirectory, "mscorlib.dll"), Path.Combine(runtimeDirectory, "netstandard.dll")];
        }

        return [.. platform.Where(File.Exists).Append(sdk).Append(roslyn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static CSharpCompilation Compile(string[] files, string workingDirectory)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>(files.Length + 1)
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "implicit-usings.g.cs"),
        };
        var problems = new List<string>();
        foreach (var file in files)
        {
            var shown = InputCollector.Display(file, workingDirectory);
            try
            {
                using var stream = File.OpenRead(file);
                var text = SourceText.From(stream, encoding: null, checksumAlgorithm: SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, path: shown));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                problems.Add($"{shown}: error: cannot read the file: {(ex is InvalidDataException ? "it is not a text file" : InputCollector.Reason(ex))}");
            }
        }

        if (problems.Count > 0)
        {
            throw new CustomRuleException("the custom rules could not be read", problems);
        }

        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true);
        var references = ReferencePaths().Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("PolicyLint.CustomRules.Compiled", trees, references, options);
    }

    /// <summary>Classes that derive from PolicyAnalyzer, can be made (not abstract, not open generic), in source order.</summary>
    private static List<INamedTypeSymbol> AnalyzerTypes(CSharpCompilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw CompileErrors(errors);
        }

        var baseType = compilation.GetTypeByMetadataName(typeof(PolicyAnalyzer).FullName!);
        var found = new List<INamedTypeSymbol>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }

                if (member is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false } type && DerivesFrom(type, baseType))
                {
                    found.Add(type);
                }
            }
        }

        return [.. found.OrderBy(t => t.Locations[0].SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(t => t.Locations[0].SourceSpan.Start)];
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The assembly, with each page in docs/ embedded where the analyzer's default HelpMarkdown looks for it.</summary>
    private static MemoryStream Emit(CSharpCompilation compilation, List<INamedTypeSymbol> analyzerTypes, string pagesFolder, out ImmutableArray<string> warnings)
    {
        var resources = new List<ResourceDescription>();
        if (Directory.Exists(pagesFolder))
        {
            var namespaces = analyzerTypes.Select(t => t.ContainingNamespace.IsGlobalNamespace ? string.Empty : t.ContainingNamespace.ToDisplayString())
                .Distinct(StringComparer.Ordinal);
            var pages = Directory.GetFiles(pagesFolder, "*.md");
            Array.Sort(pages, StringComparer.Ordinal);
            foreach (var ns in namespaces)
            {
                foreach (var page in pages)
                {
                    resources.Add(new ResourceDescription($"{ns}.docs.{Path.GetFileName(page)}", () => File.OpenRead(page), isPublic: true));
                }
            }
        }

        var image = new MemoryStream();
        var result = compilation.Emit(image, manifestResources: resources);
        if (!result.Success)
        {
            throw CompileErrors(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        warnings = [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(Format)];
        image.Position = 0;
        return image;
    }

    private static CustomRuleException CompileErrors(IEnumerable<Diagnostic> errors)
    {
        var lines = errors.Select(Format).ToList();
        return new CustomRuleException($"the custom rules do not compile ({lines.Count} error{(lines.Count == 1 ? "" : "s")})", lines);
    }

    /// <summary>Compiler style: <c>rules/MyRule.cs(12,5): error CS1002: ; expected</c>.</summary>
    private static string Format(Diagnostic diagnostic) => CSharpDiagnosticFormatter.Instance.Format(diagnostic, CultureInfo.InvariantCulture);

    private static (ImmutableArray<PolicyAnalyzer>, ImmutableDictionary<PolicyAnalyzer, string>) Instantiate(
        Assembly assembly,
        List<INamedTypeSymbol> analyzerTypes,
        IEnumerable<ReportRule> builtInRules)
    {
        var builtIn = builtInRules.ToDictionary(r => r.Id, r => r.Name, StringComparer.OrdinalIgnoreCase);
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        var made = new List<(PolicyAnalyzer Analyzer, string File, string FirstId)>();
        foreach (var symbol in analyzerTypes)
        {
            var span = symbol.Locations[0].GetLineSpan();
            var where = $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
            var name = symbol.ToDisplayString();
            var type = assembly.GetType(MetadataName(symbol), throwOnError: false);
            if (type is null)
            {
                errors.Add($"{where}: error: rule {name} is missing from the compiled assembly");
                continue;
            }

            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                errors.Add($"{where}: error: rule {name} needs a public constructor without parameters (PolicyLint makes one instance of each rule)");
                continue;
            }

            PolicyAnalyzer analyzer;
            ImmutableArray<DiagnosticDescriptor> descriptors;
            try
            {
                analyzer = (PolicyAnalyzer)Activator.CreateInstance(type)!;
                descriptors = analyzer.SupportedDiagnostics;
                _ = analyzer.Name;
                foreach (var descriptor in descriptors)
                {
                    _ = analyzer.HelpMarkdown(descriptor.Id);
                }
            }
#pragma warning disable CA1031 // A rule that cannot even be made is reported as a load error, whatever it threw.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add($"{where}: error: rule {name} cannot be loaded: {RuleFailures.Describe(ex)}");
                continue;
            }

            if (descriptors.IsDefaultOrEmpty)
            {
                errors.Add($"{where}: error: rule {name} declares no diagnostics: SupportedDiagnostics must list the descriptor(s) it reports");
                continue;
            }

            var before = errors.Count;
            foreach (var descriptor in descriptors)
            {
                if (IdProblem(descriptor, builtIn, taken, name) is { } problem)
                {
                    errors.Add($"{where}: error: rule {name}: {problem}");
                }
            }

            if (errors.Count == before)
            {
                foreach (var descriptor in descriptors)
                {
                    taken.TryAdd(descriptor.Id, name);
                }

                made.Add((analyzer, span.Path, descriptors[0].Id));
            }
        }

        if (errors.Count > 0)
        {
            throw new CustomRuleException($"the custom rules cannot be loaded ({errors.Count} error{(errors.Count == 1 ? "" : "s")})", errors);
        }

        var ordered = made.OrderBy(m => m.FirstId, StringComparer.Ordinal).ToList();
        return ([.. ordered.Select(m => m.Analyzer)], ordered.ToImmutableDictionary<(PolicyAnalyzer Analyzer, string File, string FirstId), PolicyAnalyzer, string>(m => m.Analyzer, m => m.File, ReferenceEqualityComparer.Instance));
    }

    /// <summary>Why a custom rule may not use a descriptor's id or help link, or null when it may.</summary>
    private static string? IdProblem(DiagnosticDescriptor descriptor, Dictionary<string, string> builtIn, Dictionary<string, string> taken, string rule)
    {
        var id = descriptor.Id;
        if (builtIn.TryGetValue(id, out var builtInName))
        {
            return $"its id {id} is the id of PolicyLint's built-in rule {builtInName}; give the rule an id of your own with your own prefix (e.g. ORG1001)";
        }

        if (ReservedId().IsMatch(id))
        {
            return $"its id {id} starts with PL and a digit, which PolicyLint keeps for its own rules (including future ones); use your own prefix (e.g. ORG1001)";
        }

        if (!ValidId().IsMatch(id))
        {
            return $"its id '{id}' is not a rule id: use letters and digits (and - _ .), starting with a letter, e.g. ORG1001";
        }

        if (taken.TryGetValue(id, out var other) && other != rule)
        {
            return $"its id {id} is also declared by rule {other}; every rule id must be unique";
        }

        if (descriptor.HelpLinkUri.StartsWith(RuleDescriptors.HelpBaseUri, StringComparison.OrdinalIgnoreCase))
        {
            return $"the help link of {id} points at PolicyLint's own rule pages, which have no page for it; make the descriptor with RuleDescriptors.Create(..., helpLink: new Uri(\"https://...\")) (your page) or helpLink: null";
        }

        return null;
    }

    /// <summary>Reflection's name of a type symbol: namespace, then each enclosing type with '+', as Assembly.GetType takes it.</summary>
    private static string MetadataName(INamedTypeSymbol symbol)
    {
        var name = symbol.MetadataName;
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return symbol.ContainingNamespace.IsGlobalNamespace ? name : symbol.ContainingNamespace.ToDisplayString() + "." + name;
    }

    [GeneratedRegex("^PL[0-9]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReservedId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}

/// <summary>
/// The custom rules' assembly lives here and nothing else: every assembly it references (PolicyLint.Sdk,
/// Microsoft.CodeAnalysis, the framework) comes from the host's default context, so PolicyAnalyzer, DiagnosticDescriptor
/// and the model are the host's own types. Collectible: the rules go when the set is disposed and nothing holds them.
/// </summary>
internal sealed class CustomRulesLoadContext : AssemblyLoadContext
{
    public CustomRulesLoadContext()
        : base("PolicyLint custom rules", isCollectible: true)
    {
    }

    /// <summary>Null: resolved by the default context (shared with the host).</summary>
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}

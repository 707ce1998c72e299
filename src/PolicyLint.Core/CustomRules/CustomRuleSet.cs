using System.Collections.Immutable;
using System.Runtime.Loader;
using PolicyLint.Analysis;

namespace PolicyLint.CustomRules;

/// <summary>
/// Custom rules compiled from a folder (<c>policylint lint --rules DIR</c>) and loaded in their own collectible load
/// context. They run beside the built-in rules: pass <see cref="Analyzers"/> and <see cref="Files"/> to the engine.
/// Disposing unloads the context once nothing holds the analyzers any more.
/// </summary>
/// <remarks>
/// No member of this type mentions the C# compiler's types, so a run without <c>--rules</c> never loads
/// Microsoft.CodeAnalysis.CSharp (docs/performance.md, cold start); <see cref="CustomRuleLoader"/> does the compiling.
/// </remarks>
public sealed class CustomRuleSet : IDisposable
{
    private AssemblyLoadContext? _context;

    internal CustomRuleSet(
        string folder,
        ImmutableArray<PolicyAnalyzer> analyzers,
        ImmutableDictionary<PolicyAnalyzer, string> files,
        ImmutableArray<string> warnings,
        AssemblyLoadContext context)
    {
        Folder = folder;
        Analyzers = analyzers;
        Files = files;
        Warnings = warnings;
        _context = context;
    }

    /// <summary>The rules folder as the user gave it.</summary>
    public string Folder { get; }

    /// <summary>One instance of every analyzer the folder defines, ordered by their first rule id.</summary>
    public ImmutableArray<PolicyAnalyzer> Analyzers { get; private set; }

    /// <summary>The file each analyzer is declared in, as findings show paths (relative to the working directory).</summary>
    public ImmutableDictionary<PolicyAnalyzer, string> Files { get; private set; }

    /// <summary>Compiler warnings, compiler-style (<c>path(line,col): warning CSnnnn: ...</c>), for --verbose.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>Drops the analyzers and unloads their load context (it goes once the last reference to them does).</summary>
    public void Dispose()
    {
        Analyzers = [];
        Files = ImmutableDictionary<PolicyAnalyzer, string>.Empty;
        _context?.Unload();
        _context = null;
    }
}

/// <summary>Custom rules could not be loaded: each line of <see cref="Errors"/> is compiler-style, with file, line and column where known.</summary>
public sealed class CustomRuleException : Exception
{
    public CustomRuleException(string message, IEnumerable<string> errors)
        : base(message) => Errors = [.. errors];

    public CustomRuleException(string message)
        : this(message, [])
    {
    }

    public CustomRuleException()
        : this("the custom rules could not be loaded")
    {
    }

    public CustomRuleException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public ImmutableArray<string> Errors { get; }
}

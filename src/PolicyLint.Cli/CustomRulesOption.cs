using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Analysis;
using PolicyLint.CustomRules;
using PolicyLint.Rules;

namespace PolicyLint.Cli;

/// <summary>
/// <c>--rules DIR</c> for lint, baseline, rules and explain: compiles the custom rules in DIR and puts them beside the
/// built-in ones. Only a run that gives the option reaches the compiler (docs/performance.md, cold start).
/// </summary>
internal static class CustomRulesOption
{
    public const string Template = "--rules <DIR>";

    public const string Description = "A folder of custom rules (*.cs files with PolicyAnalyzer classes, docs/custom-rules.md): they are compiled and run beside the built-in rules.";

    /// <summary>
    /// The custom rules in <paramref name="folder"/>, or null after printing why they cannot be used (compile errors
    /// with file, line and column; the caller exits 2).
    /// </summary>
    public static CustomRuleSet? Load(string folder, IConsole console, string workingDirectory, bool verbose)
    {
        try
        {
            var rules = CustomRuleLoader.Load(folder, workingDirectory, new AnalysisDriver(BuiltInRules.All).Rules);
            if (verbose)
            {
                foreach (var warning in rules.Warnings)
                {
                    console.Error.WriteLine(warning);
                }

                console.Error.WriteLine($"policylint: loaded {rules.Analyzers.Length} custom rule(s) from {folder}: {string.Join(", ", rules.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id))}");
            }

            return rules;
        }
        catch (CustomRuleException ex)
        {
            foreach (var error in ex.Errors)
            {
                console.Error.WriteLine(error);
            }

            console.Error.WriteLine($"policylint: {ex.Message}");
            return null;
        }
    }

    /// <summary>The built-in rules followed by the custom ones.</summary>
    public static IReadOnlyList<PolicyAnalyzer> WithBuiltIn(CustomRuleSet? custom) =>
        custom is null ? BuiltInRules.All : [.. BuiltInRules.All, .. custom.Analyzers];
}

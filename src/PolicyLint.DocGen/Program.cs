using PolicyLint.Analysis;
using PolicyLint.DocGen;

// Usage: PolicyLint.DocGen [--check] [repository-root]. Without --check the files are rewritten.
var check = args.Contains("--check");
var root = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Directory.GetCurrentDirectory();
var rules = new AnalysisDriver(PolicyLint.Rules.BuiltInRules.All).Rules;
var changes = RuleDocs.Changes(root, rules);
foreach (var (path, text) in changes)
{
    var shown = Path.GetRelativePath(root, path);
    if (check)
    {
        Console.Error.WriteLine($"{shown}: out of date with the rule descriptors; run 'dotnet run --project src/PolicyLint.DocGen' and commit the result");
    }
    else
    {
        File.WriteAllText(path, text);
        Console.WriteLine($"{shown}: updated");
    }
}

return check && changes.Count > 0 ? 1 : 0;

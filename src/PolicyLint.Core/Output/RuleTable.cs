using System.Globalization;
using System.Text;
using PolicyLint.Analysis;

namespace PolicyLint.Output;

/// <summary>The rule table in Markdown (README, <c>policylint rules --format markdown</c>): id linked to its page, name, level, category, title.</summary>
public static class RuleTable
{
    public static string Markdown(IEnumerable<ReportRule> rules, string pageBase = "rules/docs/")
    {
        var table = new StringBuilder();
        table.Append("| Id | Name | Level | Category | What it finds |\n|---|---|---|---|---|\n");
        foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var descriptor = rule.Descriptor;
            var title = descriptor.Title.ToString(CultureInfo.InvariantCulture).Replace("|", "\\|", StringComparison.Ordinal);
            table.Append(CultureInfo.InvariantCulture, $"| [{rule.Id}]({pageBase}{rule.Id}.md) | {rule.Name} | {Levels.NameOf(descriptor.DefaultSeverity)} | {descriptor.Category} | {title} |\n");
        }

        return table.ToString();
    }
}

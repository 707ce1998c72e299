using System.Reflection;

namespace PolicyLint.Rules;

/// <summary>The rule pages (rules/docs/PLnnnn.md), embedded in this assembly so an installed tool can show them offline.</summary>
public static class RulePages
{
    /// <summary>The page of a rule id, or null when there is none.</summary>
    public static string? Find(string id)
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream($"PolicyLint.Rules.docs.{id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

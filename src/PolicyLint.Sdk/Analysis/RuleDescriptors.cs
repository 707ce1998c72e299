using Microsoft.CodeAnalysis;

namespace PolicyLint.Analysis;

/// <summary>The one way to make a rule descriptor: the help link is derived from the id, never typed twice.</summary>
public static class RuleDescriptors
{
    /// <summary>Where rule pages are published; each page is <c>rules/docs/&lt;id&gt;.md</c> in the repository.</summary>
    public const string HelpBaseUri = "https://github.com/policylint/policylint/blob/main/rules/docs/";

    public static string HelpLinkFor(string id) => HelpBaseUri + id + ".md";

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        params string[] customTags) =>
        new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkFor(id),
            customTags: customTags);
}

/// <summary>Tags a descriptor can carry (Roslyn custom tags), read by reports.</summary>
public static class RuleTags
{
    /// <summary>
    /// The rule reports some findings below its level (possible overlap, an unassigned side, a braced GUID): SARIF rates
    /// such rules below GitHub's high security-severity, so a code-scanning gate set on "high" never blocks on them.
    /// </summary>
    public const string LevelVaries = "PolicyLint.LevelVaries";
}

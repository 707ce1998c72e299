using Microsoft.CodeAnalysis;

namespace PolicyLint.Analysis;

/// <summary>
/// The one way to make a rule descriptor. Built-in rules get their help link derived from the id, never typed twice;
/// custom rules (<c>policylint lint --rules</c>) give their own page's address, since PolicyLint's site has no page for them.
/// </summary>
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

    /// <summary>
    /// A descriptor whose help link is <paramref name="helpLink"/>: for custom rules, whose pages live with their
    /// author (an internal wiki, the repository that holds the rules). Null when the rule has no page online.
    /// </summary>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        Uri? helpLink,
        params string[] customTags) =>
        new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: helpLink?.AbsoluteUri,
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

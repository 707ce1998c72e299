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
        string description) =>
        new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkFor(id));
}

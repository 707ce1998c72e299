using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyLint.Analysis;

/// <summary>
/// A rule. Subclasses are sealed, public, have a parameterless constructor, declare their descriptors and register
/// actions in <see cref="Initialize"/>; the driver finds them by reflection.
/// </summary>
public abstract class PolicyAnalyzer
{
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>A friendly PascalCase name (SARIF rule name); by default the class name without its id prefix.</summary>
    public virtual string Name
    {
        get
        {
            var name = GetType().Name;
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            return underscore >= 0 ? name[(underscore + 1)..] : name;
        }
    }

    public abstract void Initialize(PolicyAnalysisContext context);

    /// <summary>
    /// The rule's page in Markdown (SARIF <c>help.markdown</c>, <c>policylint explain</c>): by default the resource
    /// <c>&lt;namespace&gt;.docs.&lt;id&gt;.md</c> embedded in the analyzer's assembly, or null when there is none.
    /// </summary>
    public virtual string? HelpMarkdown(string ruleId)
    {
        using var stream = GetType().Assembly.GetManifestResourceStream($"{GetType().Namespace}.docs.{ruleId}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

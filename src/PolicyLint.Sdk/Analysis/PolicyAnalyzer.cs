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
}

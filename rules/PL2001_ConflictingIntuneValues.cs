using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>Two Intune policies of equal precedence set the same node to different values for overlapping assignments.</summary>
public sealed class PL2001_ConflictingIntuneValues : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.ConflictingIntuneValues,
        "Intune policies set a WHfB setting to different values",
        "{0} is {1} in {2} ({3}) but {4} in {5}{6}: Intune reports the setting as Conflict on devices that get both, and which value a device ends up with is not defined; set the same value in both, keep the setting in one policy, or target the policies to groups that do not overlap.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Error,
        "When two Intune policies assign different values to the same PassportForWork node for the same device, Intune marks the setting as Conflict. For Windows Hello for Business that commonly leaves provisioning skipped or applies a value nobody chose.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        foreach (var node in context.Policy.Nodes)
        {
            foreach (var conflict in node.Conflicts)
            {
                var (first, second) = (conflict.First, conflict.Second);

                // Two custom OMA-URI rows are PL2005: Intune only delivers their payloads and is not documented to show the conflict.
                if (first.Source.Kind == SourceKind.CustomOmaUri && second.Source.Kind == SourceKind.CustomOmaUri)
                {
                    continue;
                }

                // GPO pairs are PL2006; an Identity Protection profile next to a newer profile is PL1002, which names the pair.
                if (!first.Source.Kind.IsIntune() || !second.Source.Kind.IsIntune()
                    || first.Source.Kind == SourceKind.IdentityProtection || second.Source.Kind == SourceKind.IdentityProtection)
                {
                    continue;
                }

                var note = conflict.Overlap switch
                {
                    OverlapKind.Assumed => " (possible overlap: assignments are not all in the export)",
                    OverlapKind.Pending => $" ({OverlapLevels.Describe(conflict.Overlap)})",
                    _ => string.Empty,
                };
                context.ReportBelow(
                    OverlapLevels.LevelsBelow(conflict.Overlap),
                    Rule,
                    second.Location,
                    second.Source,
                    FindingSubject.Of(node.Node, second.Scope, first.Source, second.Source),
                    [first.Location],
                    $"{node.Node.Name} ({second.Scope.ToString().ToLowerInvariant()} scope)",
                    first.Value,
                    first.Source.Describe(),
                    first.Location,
                    second.Value,
                    second.Source.Describe(),
                    note);
            }
        }
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>User Configuration and Computer Configuration set the same WHfB policy to different values.</summary>
public sealed class PL2003_UserAndComputerGpoDisagree : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.UserAndComputerGpoDisagree,
        "User and Computer Configuration GPOs disagree",
        "{0} is {1} in Computer Configuration of '{2}' but {3} in User Configuration of '{4}' ({5}){6}: User Configuration wins, so the Computer Configuration value never takes effect for these users; set the same value in both, or configure it in one section only.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Warning,
        "When a Windows Hello for Business policy is set in both Group Policy sections, the User Configuration value wins. A device-wide decision (for example disabling WHfB on shared kiosks) is silently undone by a user GPO.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        foreach (var node in context.Policy.Nodes)
        {
            foreach (var shadowing in node.Shadowed)
            {
                var (computer, user) = (shadowing.Shadowed, shadowing.Winner);
                if (shadowing.IsByGroup || !computer.Source.IsGroupPolicy || !user.Source.IsGroupPolicy
                    || computer.Scope != PolicyScope.Device || user.Scope != PolicyScope.User
                    || computer.Value.Equals(user.Value))
                {
                    continue;
                }

                var assumed = shadowing.Overlap switch
                {
                    OverlapKind.Assumed => "; possible overlap: users sign in on computers of other OUs, so the two sections are assumed to meet",
                    OverlapKind.Pending => "; " + OverlapLevels.Describe(shadowing.Overlap),
                    _ => string.Empty,
                };
                context.ReportBelow(
                    OverlapLevels.LevelsBelow(shadowing.Overlap),
                    Rule,
                    computer.Location,
                    computer.Source,
                    FindingSubject.Of(node.Node.Id, computer.Source, user.Source),
                    [user.Location],
                    computer.Node!.Names.GpoPolicyName ?? computer.Node.Name,
                    computer.Value,
                    computer.Source.DisplayName,
                    user.Value,
                    user.Source.DisplayName,
                    user.Location,
                    assumed);
            }
        }
    }
}

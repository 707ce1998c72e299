using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>A GPO and an Intune policy set the same WHfB node for overlapping devices: Group Policy wins, Intune is ignored.</summary>
public sealed class PL2002_GroupPolicyOverridesIntune : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.GroupPolicyOverridesIntune,
        "Group Policy overrides Intune for Windows Hello for Business",
        "{0} sets Windows Hello for Business settings that Group Policy Object '{1}' also sets, so on hybrid-joined devices that get both the Intune values are ignored (Group Policy always wins for PassportForWork; MDMWinsOverGP does not apply){2}. Shadowed: {3}. Configure WHfB in one place: remove these settings from the GPO or stop targeting these devices with the Intune policy.",
        RuleCategories.Precedence,
        DiagnosticSeverity.Warning,
        "For Windows Hello for Business, Group Policy wins over Intune on every device that receives both, and the Intune values stay unapplied until the GPO values are removed. Admins who move WHfB to Intune while an old GPO is still linked see no effect from their Intune changes.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        // One finding per (Intune source, winning GPO), listing every shadowed setting of that source.
        var groups = context.Policy.Nodes
            .SelectMany(n => n.Shadowed)
            .Where(s => s.Winner.Source.IsGroupPolicy && !s.Shadowed.Source.IsGroupPolicy)
            .GroupBy(s => (Intune: s.Shadowed.Source, Gpo: s.Winner.Source));
        foreach (var group in groups)
        {
            var shadowings = group.OrderBy(s => s.Shadowed.Location.Line).ThenBy(s => s.Shadowed.Location.Column).ToList();
            var first = shadowings[0].Shadowed;
            var assumed = shadowings.Any(s => s.Overlap == OverlapKind.Assumed)
                ? " (GPO links name OUs and Intune assignments name Entra groups, so overlap is assumed for hybrid-joined devices)"
                : string.Empty;
            var listed = string.Join("; ", shadowings.Select(s =>
                $"{s.Shadowed.DisplayPath} = {s.Shadowed.Value} at {s.Shadowed.Location}, overridden by {s.Winner.Value} at {s.Winner.Location}"));
            context.Report(
                Rule,
                first.Location,
                group.Key.Intune,
                FindingSubject.Of("gpo-over-intune", group.Key.Intune, group.Key.Gpo),
                shadowings.SelectMany(s => new[] { s.Shadowed.Location, s.Winner.Location }).Skip(1),
                group.Key.Intune.Describe(),
                group.Key.Gpo.DisplayName,
                assumed,
                listed);
        }
    }
}

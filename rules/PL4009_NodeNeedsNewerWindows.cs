using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// A node whose first Windows build is above <c>minimumWindowsBuild</c> (warning; silent when it is not configured), or
/// a node that exists only in Windows Insider builds (always a note).
/// </summary>
public sealed class PL4009_NodeNeedsNewerWindows : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.NodeNeedsNewerWindows,
        "Node needs a newer Windows build",
        "{0} '{1}' sets {2} to {3} ({4}), {5}.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Warning,
        "A device older than a node's first build does not have the node: Intune reports the setting as Not applicable there and the behaviour it was meant to give is missing on part of the fleet. Nodes that exist only in Insider builds can change or disappear before they ship.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;

        // A value equal to the node's default is what a device without the node has anyway: nothing is lost.
        if (setting.Node is not { } node || node.IsDefault(setting.Value))
        {
            return;
        }

        if (node.IsInsiderOnly)
        {
            // Always a note (two levels below the rule's level, and never below note), whatever the tenant's builds.
            Report(context, 2, "which exists only in Windows Insider builds: released Windows does not have it, so the setting does nothing there and may change before it ships; keep it in a profile assigned only to Insider devices");
            return;
        }

        if (context.Tenant.MinimumWindowsBuild is not { } oldest || node.MinimumBuildMissingOn(oldest) is not { } required)
        {
            return;
        }

        var releases = node.MinimumBuilds.Count > 1 ? $" (the CSP page lists one minimum per release: {node.MinimumOs})" : string.Empty;
        var revision = oldest.Revision < 0 && oldest.Build == required.Build
            ? $"; minimumWindowsBuild gives no revision, so if every device already has {required} or later, write it with the revision"
            : string.Empty;
        Report(context, 0,
            $"which first exists in Windows {required}{releases}, above minimumWindowsBuild {oldest} in .policylint.yml: devices older than {required} do not have the node and do not get the setting (Intune reports it as Not applicable); raise the minimum once the fleet is updated, filter the assignment by OS version, or remove the setting{revision}");
    }

    private static void Report(SettingAnalysisContext context, int levelsBelow, string what)
    {
        var setting = context.Setting;
        var source = setting.Source;
        var value = setting.Value.Kind != PolicyValueKind.None ? setting.Value.ToString() : "a value";
        context.ReportBelow(levelsBelow, Rule, setting.NameLocation, source, FindingSubject.Of(setting.Node!, setting.Scope, source), null,
            source.Kind.DisplayName(), source.DisplayName, setting.DisplayPath, value, Reach.Describe(source), what);
    }
}

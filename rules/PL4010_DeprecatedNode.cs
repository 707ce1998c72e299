using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>A PassportForWork node the CSP page marks as deprecated (today the top-level UseBiometrics), with its replacement.</summary>
public sealed class PL4010_DeprecatedNode : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.DeprecatedNode,
        "Deprecated PassportForWork node",
        "{0} '{1}' sets '{2}' to {3} ({4}): the PassportForWork CSP page marks {5} as deprecated and points to {6}; set '{7}' to {3} and remove '{2}'.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Warning,
        "The CSP page keeps a deprecated node only to name its replacement. A profile that sets the old node next to one that sets the new node configures the same behaviour under two names, with no documented rule for which wins.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Node is not { IsDeprecated: true, ReplacedBy: { } replacement } node)
        {
            return;
        }

        // A value that could not be read (or is encrypted) is not quoted: the row is the deprecated node's all the same.
        var value = setting.Value.Kind != PolicyValueKind.None ? setting.Value.ToString() : "its value";
        var source = setting.Source;
        context.Report(Rule, setting.NameLocation, source, FindingSubject.Of(node, setting.Scope, source), null,
            source.Kind.DisplayName(), source.DisplayName, setting.WrittenName, value, Reach.Describe(source),
            node.Id, replacement.Id, replacement.OmaUri(setting.Scope));
    }
}

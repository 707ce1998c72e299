using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>A WHfB setting whose value or scope the device rejects: out of range, of the wrong type, or in a scope the node does not exist in.</summary>
public sealed class PL4002_InvalidSettingValue : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.InvalidSettingValue,
        "WHfB setting value is not valid",
        "{0} in {1} is written as '{2}', which the device rejects: {3}; {4}.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Error,
        "A value outside the node's range, a value of the wrong data type (an Integer OMA-URI row for a Boolean node), or a node set in a scope where it does not exist is accepted by Intune or Group Policy but rejected by the device, which keeps its previous value.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Node is not { } node || setting.Problem is not (SettingProblem.OutOfRange or SettingProblem.MalformedValue or SettingProblem.WrongScope))
        {
            return;
        }

        // Cloud trust in user scope has its own rule (PL3002), with the trust-model explanation.
        if (setting.Problem == SettingProblem.WrongScope && node == PassportForWorkCatalog.UseCloudTrustForOnPremAuth)
        {
            return;
        }

        context.Report(
            Rule,
            setting.Location,
            setting.Source,
            FindingSubject.Of(node, setting.Scope, setting.Source),
            null,
            $"{node.Name} ({setting.Scope.ToString().ToLowerInvariant()} scope)",
            setting.Source.Describe(),
            setting.RawValue ?? setting.Value.ToString(),
            (setting.ProblemDetail ?? "the value is not valid for this node").TrimEnd('.'),
            Fix(node, setting));
    }

    private static string Fix(CspNode node, PolicySetting setting)
    {
        if (setting.Problem == SettingProblem.WrongScope)
        {
            return $"set it in device scope ({node.OmaUri(PolicyScope.Device)}) or Computer Configuration instead";
        }

        return node.DataType switch
        {
            CspDataType.Boolean => "use true or false (a Boolean OMA-URI row, or the choice in the Settings Catalog)",
            CspDataType.Integer when node.AllowedValues is { } allowed => $"use one of {string.Join(", ", allowed.Select(a => $"{a.Key} ({a.Value})"))}",
            CspDataType.Integer => $"use an integer from {node.Minimum} to {node.Maximum}",
            _ => "use a text value",
        };
    }
}

// A custom PolicyLint rule: Contoso's own PIN standard (a minimum length of 8), checked beside the built-in rules.
//   policylint lint samples/intune --rules samples/custom-rules
// How to write, test and ship one: docs/custom-rules.md.
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace Contoso.PolicyRules;

/// <summary>ORG1001: a WHfB PIN policy that lets users choose a PIN shorter than the organisation's standard allows.</summary>
public sealed class ORG1001_OrgMinimumPinLength : PolicyAnalyzer
{
    public const string Id = "ORG1001";

    /// <summary>The standard's minimum; <c>.policylint.yml</c> may set another: <c>rules: { ORG1001: { minimumPinLength: 10 } }</c>.</summary>
    public const int DefaultMinimum = 8;

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        Id,
        "PIN shorter than the organisation's standard",
        "{0} is {1} in {2}, below the {3} characters Contoso's PIN standard (SEC-STD-014) requires; set it to {3} or more.",
        "Contoso",
        DiagnosticSeverity.Warning,
        "Contoso's PIN standard SEC-STD-014 requires Windows Hello PINs of at least 8 characters on every managed device. A WHfB policy that sets a lower minimum lets users choose a shorter PIN.",
        new Uri("https://github.com/policylint/policylint/blob/main/samples/custom-rules/docs/ORG1001.md"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Node != PassportForWorkCatalog.MinimumPinLength || setting.Value.Kind != PolicyValueKind.Integer)
        {
            return;
        }

        // A value that a stronger source certainly overrides never reaches a device: that source is judged instead.
        if (context.Policy.ShadowingOf(setting) is { Overlap: OverlapKind.Certain })
        {
            return;
        }

        var minimum = int.TryParse(context.Tenant.Option(Id, "minimumPinLength"), NumberStyles.None, CultureInfo.InvariantCulture, out var configured)
            ? configured
            : DefaultMinimum;
        if (setting.Value.IntegerValue >= minimum)
        {
            return;
        }

        context.Report(Rule, setting, setting.DisplayPath, setting.Value.IntegerValue, setting.Source.Describe(), minimum);
    }
}

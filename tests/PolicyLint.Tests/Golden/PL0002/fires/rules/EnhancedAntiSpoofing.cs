// A custom rule with a bug: it assumes every setting is a node PolicyLint knows, so a misspelt OMA-URI (Node is null)
// makes it throw. PolicyLint reports PL0002 for it, and the built-in rules still run (PL4003 names the misspelling).
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace Golden.Rules;

public sealed class GOLD2001_FaceWithoutAntiSpoofing : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        "GOLD2001",
        "Face sign-in without enhanced anti-spoofing",
        "Biometrics are on in {0} without enhanced anti-spoofing; set FacialFeaturesUseEnhancedAntiSpoofing to true.",
        "Golden",
        DiagnosticSeverity.Warning,
        "Our standard requires enhanced anti-spoofing wherever biometrics are on.",
        helpLink: null);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (!setting.Node!.Id.StartsWith("PassportForWork/Biometrics/UseBiometrics", StringComparison.Ordinal) || !setting.Value.IsTrue)
        {
            return;
        }

        if (!setting.Source.Settings.Any(s => s.Node!.Name == "FacialFeaturesUseEnhancedAntiSpoofing" && s.Value.IsTrue))
        {
            context.Report(Rule, setting, setting.Source.Describe());
        }
    }
}

// The same rule, fixed: a setting whose name PolicyLint does not know (a misspelt OMA-URI) has no Node, and the rule
// now skips it: no PL0002. The rule reports its own finding, and PL4003 still names the misspelling.
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
        if (setting.Node is null || !setting.Node.Id.StartsWith("PassportForWork/Biometrics/UseBiometrics", StringComparison.Ordinal) || !setting.Value.IsTrue)
        {
            return;
        }

        if (!setting.Source.Settings.Any(s => s.Node?.Name == "FacialFeaturesUseEnhancedAntiSpoofing" && s.Value.IsTrue))
        {
            context.Report(Rule, setting, setting.Source.Describe());
        }
    }
}

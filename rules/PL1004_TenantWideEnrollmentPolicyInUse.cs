using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>The tenant-wide WHfB enrollment policy is enabled or disabled: it acts at enrollment only.</summary>
public sealed class PL1004_TenantWideEnrollmentPolicyInUse : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.TenantWideEnrollmentPolicyInUse,
        "Tenant-wide WHfB enrollment policy is in use",
        "The tenant-wide Windows Hello for Business enrollment policy '{0}' {1} (state {2}); it reaches a device only when the device enrolls, so a later change to it never reaches devices already enrolled; configure WHfB in an Account protection or Settings Catalog policy assigned to groups, and set this policy to Not configured.",
        RuleCategories.Deprecation,
        DiagnosticSeverity.Warning,
        "The Windows Hello for Business policy under Devices > Enrollment applies once, during enrollment (including Autopilot). Editing it afterwards changes nothing on enrolled devices, and any group-targeted policy replaces it, so its values are a trap for whoever edits them later.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSourceAction(Analyze);

    private static void Analyze(SourceAnalysisContext context)
    {
        var source = context.Source;
        if (source.Kind != SourceKind.TenantWideEnrollment)
        {
            return;
        }

        var state = source.Settings.FirstOrDefault(s => s.Node == PassportForWorkCatalog.UsePassportForWork && s.Value.Kind == PolicyValueKind.Boolean);
        if (state is null)
        {
            return;
        }

        context.Report(Rule, state.Location, source, source.Id ?? source.DisplayName, null,
            source.DisplayName,
            state.Value.IsTrue ? "turns Windows Hello for Business on" : "turns Windows Hello for Business off",
            state.RawValue ?? state.Value.ToString());
    }
}

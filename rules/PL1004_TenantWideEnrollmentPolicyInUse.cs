using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// The tenant-wide WHfB enrollment policy is enabled: it acts at enrollment only. Disabled is Microsoft's recommended
/// setup (a group-targeted policy enables WHfB), so it is not a finding.
/// </summary>
public sealed class PL1004_TenantWideEnrollmentPolicyInUse : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.TenantWideEnrollmentPolicyInUse,
        "Tenant-wide WHfB enrollment policy is in use",
        "The tenant-wide Windows Hello for Business enrollment policy '{0}' turns Windows Hello for Business on (state {1}) and sets {2}; it reaches a device only when the device enrolls, so a later change to it never reaches devices already enrolled; move these values into an Account protection or Settings Catalog policy assigned to a security group, then set this policy to Disabled (Microsoft's recommended setup).",
        RuleCategories.Deprecation,
        DiagnosticSeverity.Warning,
        "The Windows Hello for Business policy under Devices > Enrollment applies once, during enrollment (including Autopilot). Editing it afterwards changes nothing on enrolled devices, and any group-targeted policy replaces it, so its values are a trap for whoever edits them later. Keep it disabled and enable WHfB with a group-targeted policy; leaving it unconfigured is no substitute, because Entra-joined devices have WHfB on by default.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSourceAction(Analyze);

    private static void Analyze(SourceAnalysisContext context)
    {
        var source = context.Source;
        if (source.Kind != SourceKind.TenantWideEnrollment)
        {
            return;
        }

        // Disabled (and not configured) is the recommended setup: only an enabled policy is a finding.
        var state = source.Settings.FirstOrDefault(s => s.Node == PassportForWorkCatalog.UsePassportForWork && s.Value.Kind == PolicyValueKind.Boolean);
        if (state is null || !state.Value.IsTrue)
        {
            return;
        }

        var values = source.Settings
            .Where(s => s.Node is not null && s.Node != PassportForWorkCatalog.UsePassportForWork && s.Value.Kind != PolicyValueKind.None)
            .Select(s => $"{s.Node!.Name} = {s.Value}")
            .ToList();
        context.Report(Rule, state.Location, source, FindingSubject.Of("tenant-wide-enrollment", source), null,
            source.DisplayName,
            state.RawValue ?? state.Value.ToString(),
            values.Count == 0 ? "no other value" : string.Join(", ", values));
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// A custom OMA-URI meant for PassportForWork that cannot address it: a misspelt scope root, a wrong vendor path, white
/// space, a trailing slash, no tenant node. The row is this rule's alone: PL4001 and PL4003 stay silent on it.
/// </summary>
public sealed class PL4008_MalformedOmaUri : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.MalformedOmaUri,
        "OMA-URI cannot be a PassportForWork path",
        "OMA-URI '{0}' in {1} '{2}' ({3}) cannot address a PassportForWork node: {4}; the device never applies it, so {5} is not set; write it as '{6}'{7}.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Error,
        "Intune does not check the path of a custom OMA-URI row. A path that is not a node of the PassportForWork CSP (a Policy CSP prefix copied from a guide, ./Devices, a trailing slash, a stray space) is sent as it is, fails on the device, and the setting meant is missing everywhere.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Problem != SettingProblem.MalformedOmaUri || OmaUri.FindMalformation(setting.WrittenName) is not { } malformed)
        {
            return;
        }

        var corrected = OmaUri.Parse(malformed.Corrected);
        var fix = malformed.Corrected;
        var more = string.Empty;
        if (corrected is { TenantSegmentIsPlaceholder: true, TenantSegment: { } placeholder })
        {
            // Name the tenant GUID when .policylint.yml gives it; otherwise say the placeholder must go too (PL4001's point).
            if (context.Tenant.TenantId is { } tenantId)
            {
                fix = fix.Replace(placeholder, tenantId, StringComparison.Ordinal);
            }
            else
            {
                more = $", with your Entra tenant GUID (no braces) in place of '{placeholder}'";
            }
        }

        if (corrected?.Node is null)
        {
            more += ", and check the node name: the corrected path is not a PassportForWork node either";
        }

        var source = setting.Source;
        context.Report(Rule, setting.NameLocation, source, FindingSubject.Of("malformed-oma-uri|" + setting.WrittenName.Trim(), source), null,
            setting.WrittenName, source.Kind.DisplayName(), source.DisplayName, Reach.Describe(source), malformed.Describe(),
            corrected?.Node?.Name ?? "the setting", fix, more);
    }
}

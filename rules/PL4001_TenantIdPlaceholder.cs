using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;

namespace PolicyLint.Rules;

/// <summary>An OMA-URI still holds a tenant placeholder where the Entra tenant GUID belongs.</summary>
public sealed class PL4001_TenantIdPlaceholder : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.TenantIdPlaceholder,
        "OMA-URI holds a tenant ID placeholder",
        "OMA-URI '{0}' names the tenant node '{1}' instead of your Entra tenant ID, so {2} never applies; replace '{1}' with the tenant GUID (no braces), e.g. ./Device/Vendor/MSFT/PassportForWork/00000000-0000-0000-0000-000000000000/Policies/{3}.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Error,
        "PassportForWork policies live under a node named with the tenant ID. Guides write it as {TenantId} or <tenant ID>; copied literally, the OMA-URI addresses a tenant that does not exist and the device reports the setting as failed or ignores it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Source.Kind != Model.SourceKind.CustomOmaUri || OmaUri.Parse(setting.WrittenName) is not { TenantSegmentIsPlaceholder: true } uri)
        {
            return;
        }

        // The OMA-URI can stop at the tenant node or at Policies (or name no Policies node at all): no leaf to show then.
        const string PoliciesPath = "PassportForWork/{TenantId}/Policies/";
        var leaf = uri.CanonicalPath.StartsWith(PoliciesPath, StringComparison.OrdinalIgnoreCase) ? uri.CanonicalPath[PoliciesPath.Length..] : string.Empty;
        context.Report(Rule, setting.NameLocation, setting.Source, $"{setting.WrittenName}", null,
            setting.WrittenName, uri.TenantSegment, setting.Node?.Name ?? "the setting", leaf.Length > 0 ? leaf : "...");
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;

namespace PolicyLint.Rules;

/// <summary>
/// An OMA-URI still holds a tenant placeholder where the Entra tenant GUID belongs (error), names another tenant's GUID
/// than the <c>tenantId</c> configured for its tenant (error), or wraps the GUID in braces (one level below: the CSP
/// page says no braces, the configure page's example has them; reference C4).
/// </summary>
public sealed class PL4001_TenantIdPlaceholder : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.TenantIdPlaceholder,
        "OMA-URI holds a tenant ID placeholder",
        "OMA-URI '{0}' names the tenant node '{1}' {2}; replace '{1}' with the tenant GUID without braces, e.g. ./Device/Vendor/MSFT/PassportForWork/{3}/Policies/{4}.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Error,
        "PassportForWork policies live under a node named with the tenant ID. Guides write it as {TenantId} or <tenant ID>; copied literally, the OMA-URI addresses a tenant that does not exist and the device reports the setting as failed or ignores it.",
        RuleTags.LevelVaries);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        // A malformed OMA-URI is PL4008's alone: its message names a placeholder tenant node too (one row, one finding).
        if (setting.Source.Kind != Model.SourceKind.CustomOmaUri || setting.Problem == Model.SettingProblem.MalformedOmaUri
            || OmaUri.Parse(setting.WrittenName) is not { TenantSegment: { } tenant } uri)
        {
            return;
        }

        // The OMA-URI can stop at the tenant node or at Policies (or name no Policies node at all): no leaf to show then.
        var prefix = "PassportForWork/{TenantId}/Policies/";
        var leaf = uri.CanonicalPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? uri.CanonicalPath[prefix.Length..] : string.Empty;
        if (leaf.Length == 0)
        {
            leaf = "...";
        }

        var expected = context.Tenant.TenantId;
        if (uri.TenantSegmentIsPlaceholder)
        {
            context.Report(Rule, setting.NameLocation, setting.Source, FindingSubject.Of(setting.WrittenName, setting.Source), null,
                setting.WrittenName, tenant,
                $"instead of your Entra tenant ID, so {setting.Node?.Name ?? "the setting"} never applies",
                expected ?? "00000000-0000-0000-0000-000000000000", leaf);
            return;
        }

        // With tenantId configured (per tenant in .policylint.yml), a GUID of another tenant is as wrong as a
        // placeholder: the device reads only the node named with the tenant it is registered in (reference A, S2).
        var guid = Guid.ParseExact(tenant.Trim('{', '}'), "D").ToString("D");
        if (expected is not null && !string.Equals(guid, expected, StringComparison.OrdinalIgnoreCase))
        {
            context.Report(Rule, setting.NameLocation, setting.Source, FindingSubject.Of(setting.WrittenName, setting.Source), null,
                setting.WrittenName, tenant,
                $"but .policylint.yml gives this tenant's ID (tenantId) as {expected}: the OMA-URI addresses another tenant ({guid}), so {setting.Node?.Name ?? "the setting"} never applies on this tenant's devices (if the file belongs to another tenant, list its folder under tenants: with its own tenantId)",
                expected, leaf);
            return;
        }

        if (tenant.StartsWith('{') && tenant.EndsWith('}'))
        {
            // Microsoft's pages disagree on braces, so this is one level below the rule's level (reference C4).
            context.ReportBelow(1, Rule, setting.NameLocation, setting.Source, FindingSubject.Of(setting.WrittenName, setting.Source), null,
                setting.WrittenName, tenant,
                "with the tenant GUID in braces: the PassportForWork CSP page defines the tenant ID as a GUID without curly braces, although the example on 'Configure Windows Hello for Business' shows braces",
                tenant.Trim('{', '}'), leaf);
        }
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>An Identity Protection profile (deprecated July 2024), assigned or not: in a repository it is debt before it is assigned.</summary>
public sealed class PL1001_IdentityProtectionProfileDeprecated : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.IdentityProtectionProfileDeprecated,
        "Identity Protection profile is deprecated",
        "Identity Protection profile '{0}' ({1}) uses the Identity protection template, which Intune deprecated in July 2024: no new profiles can be made from it and it gets no new settings; recreate its {2} in an endpoint security Account protection policy or a Settings Catalog profile, assign that to the same groups, then unassign and delete this profile.",
        RuleCategories.Deprecation,
        DiagnosticSeverity.Warning,
        "Since July 2024 Intune no longer creates Identity protection profiles; existing ones keep working and can be edited, but Windows Hello for Business settings added since (cloud Kerberos trust, Digits, post-logon provisioning) can only be set elsewhere, and a second profile type setting the same nodes conflicts with it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSourceAction(Analyze);

    private static void Analyze(SourceAnalysisContext context)
    {
        var source = context.Source;
        if (source.Kind != SourceKind.IdentityProtection)
        {
            return;
        }

        context.Report(Rule, source.Location, source, FindingSubject.Of("deprecated-template", source), null,
            source.DisplayName, Reach.Describe(source), Reach.SettingCount(source));
    }
}

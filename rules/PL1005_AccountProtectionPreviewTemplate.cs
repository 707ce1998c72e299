using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>A policy built on the retired "Account protection (Preview)" template, assigned or not.</summary>
public sealed class PL1005_AccountProtectionPreviewTemplate : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.AccountProtectionPreviewTemplate,
        "Policy uses the retired Account protection (Preview) template",
        "Account protection policy '{0}' ({1}) is built on the retired 'Account protection (Preview)' template, deprecated in July 2024: it keeps working and can be edited, but no new policies can be made from it and it gets no new settings; recreate its {2} in the current Account protection template (or a Settings Catalog profile), assign that to the same groups, then unassign and delete this policy.",
        RuleCategories.Deprecation,
        DiagnosticSeverity.Warning,
        "The Account protection (Preview) template (intent template 0f2b5d70-d4e9-4156-8c16-1397eb6c54a5) was replaced by the Account protection template built on the settings catalog. Policies made from the preview stay on the legacy intent engine and cannot gain the settings added since, such as cloud Kerberos trust.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSourceAction(Analyze);

    private static void Analyze(SourceAnalysisContext context)
    {
        var source = context.Source;
        if (source.Kind != SourceKind.AccountProtectionPreview)
        {
            return;
        }

        context.Report(Rule, source.Location, source, FindingSubject.Of("preview-template", source), null,
            source.DisplayName, Reach.Describe(source), Reach.SettingCount(source));
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>A PassportForWork OMA-URI or settingDefinitionId that the CSP does not have.</summary>
public sealed class PL4003_UnknownPassportForWorkNode : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.UnknownPassportForWorkNode,
        "Unknown PassportForWork node",
        "'{0}' is not a PassportForWork CSP node, so the device rejects or ignores it{1}.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Warning,
        "A misspelt or invented node name (a typo in an OMA-URI, a settingDefinitionId edited by hand) is accepted by Intune but fails on the device, usually reported only as a remediation error.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSettingAction(Analyze);

    private static void Analyze(SettingAnalysisContext context)
    {
        var setting = context.Setting;
        if (setting.Problem != SettingProblem.UnknownNode)
        {
            return;
        }

        var suggestion = Suggest(setting);
        var hint = suggestion is null ? "; check the name against the PassportForWork CSP reference" : $"; did you mean '{suggestion}' (the closest real node)";
        context.Report(Rule, setting.NameLocation, setting.Source, FindingSubject.Of(setting.WrittenName, setting.Source), null, setting.WrittenName, hint);
    }

    /// <summary>The closest known name in the same representation, when it is close enough to be a typo.</summary>
    public static string? Suggest(PolicySetting setting)
    {
        var written = setting.WrittenName;
        if (OmaUri.Parse(written) is { } uri)
        {
            var best = Closest(uri.CanonicalPath, PassportForWorkCatalog.All.Select(n => n.Id));
            return best is null ? null : PassportForWorkCatalog.FindById(best)!.OmaUri(uri.Scope, uri.TenantSegment ?? "{TenantId}");
        }

        return Closest(written, PassportForWorkCatalog.AllSettingsCatalogIds);
    }

    private static string? Closest(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Levenshtein(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // A typo, not a different setting: allow roughly one edit in four characters of the leaf.
        return bestDistance <= Math.Max(3, written.Length / 8) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

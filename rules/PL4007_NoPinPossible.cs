using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>
/// PIN complexity that no PIN can meet: digits, lowercase letters, uppercase letters and special characters all
/// "not allowed" (2) for the same devices. Digits must be set to 2 explicitly (its default is "required"); a letter or
/// special-character class left unset counts as not allowed (the CSP page's text and the MDM defaults table), one
/// level below the rule's level because the CSP's own DDF says "allowed" (reference C1).
/// </summary>
public sealed class PL4007_NoPinPossible : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.NoPinPossible,
        "PIN complexity allows no character",
        "No PIN can meet the PIN complexity for {0}: Digits ({1}) is 2 (not allowed) in {2}, LowercaseLetters {3}, UppercaseLetters {4}, SpecialCharacters {5}; users cannot create a Windows Hello for Business PIN, so provisioning cannot finish; set Digits to 1 (required) or 0 (allowed), or allow another character class, in the same source.",
        RuleCategories.Authoring,
        DiagnosticSeverity.Error,
        "When Digits, LowercaseLetters, UppercaseLetters and SpecialCharacters are all 2 (not allowed), no character may appear in a PIN, so no PIN satisfies the policy and users cannot set up Windows Hello for Business.",
        RuleTags.LevelVaries);

    private static readonly CspNode[] OtherClasses =
        [PassportForWorkCatalog.LowercaseLetters, PassportForWorkCatalog.UppercaseLetters, PassportForWorkCatalog.SpecialCharacters];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterEffectivePolicyAction(Analyze);

    private static void Analyze(EffectivePolicyAnalysisContext context)
    {
        var policy = context.Policy;
        var blockedDigits = PinPolicy.Configured(policy, PassportForWorkCatalog.Digits).FindAll(s => s.Value.IntegerValue == 2);
        if (blockedDigits.Count == 0)
        {
            return;
        }

        var inEffect = OtherClasses.Select(node => PinPolicy.InEffect(policy, node)).ToArray();
        foreach (var digits in blockedDigits)
        {
            Judge(context, digits, inEffect);
        }
    }

    private static void Judge(EffectivePolicyAnalysisContext context, PolicySetting digits, List<PolicySetting>[] inEffect)
    {
        // A Digits value a stronger policy overrides counts only as a mistake of its own profile: every class must then
        // be "not allowed" in that profile itself.
        var digitsInEffect = context.Policy.ShadowingOf(digits) is null;
        var texts = new string[OtherClasses.Length];
        var related = new List<SourceLocation>();
        var sources = new List<PolicySource> { digits.Source };
        var weakest = OverlapKind.Certain;
        var reliesOnDefault = false;
        for (var i = 0; i < OtherClasses.Length; i++)
        {
            var own = digits.Source.Settings.FirstOrDefault(s =>
                PinPolicy.IsConfigured(s) && s.Node!.Id == OtherClasses[i].Id && PinPolicy.EnforcedTogether(s, digits));
            if (own is not null)
            {
                if (own.Value.IntegerValue != 2)
                {
                    return;
                }

                texts[i] = "2 in the same profile";
                continue;
            }

            if (!digitsInEffect)
            {
                return;
            }

            PolicySetting? surest = null;
            var surestOverlap = OverlapKind.None;
            foreach (var other in inEffect[i])
            {
                if (ReferenceEquals(other.Source, digits.Source) || !PinPolicy.EnforcedTogether(other, digits))
                {
                    continue;
                }

                var overlap = PinPolicy.Overlap(digits, other);
                if (overlap == OverlapKind.None)
                {
                    continue;
                }

                if (other.Value.IntegerValue != 2)
                {
                    // Allowed or required for some of these devices: a PIN is possible there.
                    return;
                }

                if (PinPolicy.Sureness(overlap) > PinPolicy.Sureness(surestOverlap))
                {
                    (surest, surestOverlap) = (other, overlap);
                }
            }

            if (surest is null)
            {
                texts[i] = "not set (default: not allowed by the CSP page's text and the MDM defaults table; the CSP's DDF says allowed)";
                reliesOnDefault = true;
            }
            else
            {
                texts[i] = $"2 in {PinPolicy.Where(surest)} ({OverlapLevels.Describe(surestOverlap)})";
                related.Add(surest.Location);
                sources.Add(surest.Source);
                weakest = OverlapLevels.Weakest(weakest, surestOverlap);
            }
        }

        var levelsBelow = Math.Max(OverlapLevels.LevelsBelow(weakest), reliesOnDefault ? 1 : 0);
        var whom = digits.Source.AssignmentState == AssignmentState.Unassigned
            ? $"the devices {digits.Source.Describe()} reaches once it is assigned (it is not assigned yet)"
            : $"the devices {digits.Source.Describe()} reaches ({Reach.Describe(digits.Source)})";
        context.ReportBelow(
            levelsBelow,
            Rule,
            digits.Location,
            digits.Source,
            FindingSubject.Of(PassportForWorkCatalog.Digits, digits.Scope, [.. sources]),
            related,
            whom,
            digits.Scope == PolicyScope.User ? "user scope" : "device scope",
            digits.Source.Describe(),
            texts[0],
            texts[1],
            texts[2]);
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyLint.Analysis;
using PolicyLint.Model;

namespace PolicyLint.Rules;

/// <summary>An Intune WHfB policy assigned to All users only: several users of one device are provisioned only when it targets devices.</summary>
public sealed class PL2008_HelloPolicyAssignedToUsersOnly : PolicyAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIds.HelloPolicyAssignedToUsersOnly,
        "WHfB policy assigned to users only",
        "{0} applies {1} to All users and to no device target: Intune provisions Windows Hello for Business for several users of one device only when the policy targets devices, so on shared devices not every user gets it; assign the policy to the devices too (a device group or All devices).",
        RuleCategories.Deployment,
        DiagnosticSeverity.Info,
        "Microsoft's Intune page on Windows Hello for Business policies says that several users per device are provisioned only when the policy is assigned to devices. A policy assigned to users alone leaves later users of a shared device without WHfB.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(PolicyAnalysisContext context) => context.RegisterSourceAction(Analyze);

    private static void Analyze(SourceAnalysisContext context)
    {
        var source = context.Source;
        if (!source.Kind.IsIntune() || source.Kind == SourceKind.TenantWideEnrollment
            || source.AssignmentState != AssignmentState.Assigned || !Reach.WhfbSettings(source).Any())
        {
            return;
        }

        // Only All users is known to be a user target: exports do not say whether a named group holds users or devices.
        Assignment? allUsers = null;
        foreach (var assignment in source.Assignments)
        {
            if (assignment.IsExclusion)
            {
                continue;
            }

            if (assignment.Kind != AssignmentTargetKind.AllUsers)
            {
                return;
            }

            allUsers ??= assignment;
        }

        if (allUsers is null)
        {
            return;
        }

        var location = allUsers.Location.FilePath is { Length: > 0 } ? allUsers.Location : source.Location;
        context.Report(Rule, location, source, FindingSubject.Of("users-only", source), null, source.Describe(), Reach.SettingCount(source));
    }
}

using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL2008_HelloPolicyAssignedToUsersOnlyTests
{
    [Fact]
    public void Fires_at_the_all_users_assignment_of_a_whfb_policy_with_no_device_target()
    {
        using var temp = new TempDirectory();
        var policy = SettingsCatalog("WHfB - Users", Choice("usepassportforwork", "true"),
            """[ { "target": [|{ "@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget" }|] } ]""");

        var (result, files) = Lint.Marked(temp, ("users.json", policy));

        result.AssertFindingsAtMarks(RuleIds.HelloPolicyAssignedToUsersOnly, "users.json", files["users.json"]);
        var finding = Assert.Single(result.Findings(RuleIds.HelloPolicyAssignedToUsersOnly));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, finding.Severity);
        Assert.Contains("Settings Catalog profile 'WHfB - Users' applies 1 Windows Hello for Business setting to All users", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ { "target": { "@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget" } }, { "target": { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } } ]""")]
    [InlineData("""[ { "target": { "@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "aaaa0000-0000-0000-0000-000000000001" } } ]""")]
    [InlineData("[]")]
    public void Does_not_fire_with_a_device_target_a_named_group_or_no_assignment(string assignments)
    {
        using var temp = new TempDirectory();
        var policy = SettingsCatalog("WHfB", Choice("usepassportforwork", "true"), assignments);

        var (result, _) = Lint.Marked(temp, ("whfb.json", policy));

        Assert.Empty(result.Findings(RuleIds.HelloPolicyAssignedToUsersOnly));
    }
}

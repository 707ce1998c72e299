using PolicyLint.Analysis;
using PolicyLint.Tests.Support;
using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

public sealed class PL1005_AccountProtectionPreviewTemplateTests
{
    [Fact]
    public void Fires_at_the_name_of_an_assigned_preview_intent()
    {
        using var temp = new TempDirectory();
        var intent = """
            {
              "@odata.type": "#microsoft.graph.deviceManagementIntent",
              "id": "44444444-0000-0000-0000-000000000004",
              "displayName": [|"WHfB preview"|],
              "templateId": "0f2b5d70-d4e9-4156-8c16-1397eb6c54a5",
              "settings": [
                { "definitionId": "deviceConfiguration--windowsIdentityProtectionConfiguration_pinMinimumLength", "valueJson": "8", "value": 8 }
              ],
              "assignments": [ { "target": { "@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget" } } ]
            }
            """;

        var (result, files) = Lint.Marked(temp, ("intent.json", intent));

        result.AssertFindingsAtMarks(RuleIds.AccountProtectionPreviewTemplate, "intent.json", files["intent.json"]);
        var message = Assert.Single(result.Findings(RuleIds.AccountProtectionPreviewTemplate)).Message;
        Assert.Contains("'WHfB preview' (assigned to All users)", message, StringComparison.Ordinal);
        Assert.Contains("recreate its 1 Windows Hello for Business setting in", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_for_a_configuration_policy_whose_template_is_the_preview()
    {
        using var temp = new TempDirectory();
        var policy = SettingsCatalog("WHfB preview (migrated)", Choice("usepassportforwork", "true"), AllDevices())
            .Replace("\"templateFamily\": \"none\", \"templateDisplayName\": null",
                "\"templateFamily\": \"endpointSecurityAccountProtection\", \"templateDisplayName\": \"Account protection (Preview)\"", StringComparison.Ordinal);

        var (result, _) = Lint.Marked(temp, ("ap.json", policy));

        Assert.Single(result.Findings(RuleIds.AccountProtectionPreviewTemplate));
    }

    [Fact]
    public void Fires_for_an_unassigned_preview_intent_because_a_retired_template_in_a_repository_is_debt_before_it_is_assigned()
    {
        using var temp = new TempDirectory();
        var unassigned = PreviewIntent("Old preview", IntentSetting("pinMinimumLength", "\"8\""), assignments: "[]");

        var (result, _) = Lint.Marked(temp, ("preview.json", unassigned));

        var finding = Assert.Single(result.Findings(RuleIds.AccountProtectionPreviewTemplate));
        Assert.Equal(Levels.Warning, finding.Level);
        Assert.Contains("'Old preview' (not assigned)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_fire_for_another_intent_template()
    {
        using var temp = new TempDirectory();
        var baseline = PreviewIntent("MDM baseline", IntentSetting("pinMinimumLength", "\"8\""), AllDevices(), templateId: "034ccd46-190c-4afc-adf1-ad7cc11262eb")
            .Replace("44444444-0000-0000-0000-000000000004", "66666666-0000-0000-0000-000000000006", StringComparison.Ordinal);

        var (result, _) = Lint.Marked(temp, ("baseline.json", baseline));

        Assert.Empty(result.Findings(RuleIds.AccountProtectionPreviewTemplate));
        Assert.Contains(result.Files.SelectMany(f => f.Sources), s => s.Kind == Model.SourceKind.SecurityBaseline);
    }
}

using System.Text.Json;
using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Writers;

/// <summary>Inputs that make the writers' edge cases happen: many findings at every level, names full of syntax.</summary>
public static class WriterInputs
{
    /// <summary>
    /// <paramref name="profiles"/> custom OMA-URI profiles, each giving one error (PL4001, tenant placeholder), one
    /// warning (PL4003, misspelt node) and one note (PL4002, out-of-range value, set to note in .policylint.yml).
    /// </summary>
    public static void ThreeLevelsPerProfile(TempDirectory temp, int profiles)
    {
        temp.Write(".policylint.yml", "rules:\n  PL4002: note\n");
        for (var i = 1; i <= profiles; i++)
        {
            temp.Write($"profile-{i:D3}.json", $$"""
                {
                  "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
                  "id": "22222222-0000-0000-0000-{{i:D12}}",
                  "displayName": "Profile {{i}}",
                  "omaSettings": [
                    { "@odata.type": "#microsoft.graph.omaSettingBoolean", "displayName": "a", "omaUri": "./Device/Vendor/MSFT/PassportForWork/<tenant ID>/Policies/UsePassportForWork", "isEncrypted": false, "value": true },
                    { "@odata.type": "#microsoft.graph.omaSettingBoolean", "displayName": "b", "omaUri": "./Device/Vendor/MSFT/PassportForWork/{{Exports.TenantId}}/Policies/UseCloudTrustForOnPremAuht", "isEncrypted": false, "value": true },
                    { "@odata.type": "#microsoft.graph.omaSettingInteger", "displayName": "c", "omaUri": "./Device/Vendor/MSFT/PassportForWork/{{Exports.TenantId}}/Policies/PINComplexity/MaximumPINLength", "isEncrypted": false, "value": 200 }
                  ]
                }
                """);
        }
    }

    /// <summary>An Identity Protection profile named <paramref name="displayName"/> (PL1001 names it in its message).</summary>
    public static string IdentityProtectionNamed(string displayName) =>
        Exports.IdentityProtection(JsonSerializer.Serialize(displayName)[1..^1], "  \"pinMinimumLength\": 6");
}

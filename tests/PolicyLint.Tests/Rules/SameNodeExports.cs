using static PolicyLint.Tests.Support.Exports;

namespace PolicyLint.Tests.Rules;

/// <summary>Custom OMA-URI profiles and assignments for the PL2004 and PL2005 tests (each profile its own Graph id).</summary>
internal static class SameNodeExports
{
    public const string Pilot = "aaaa0000-0000-0000-0000-000000000001";
    public const string Finance = "bbbb0000-0000-0000-0000-000000000002";
    public const string Filter = "f1f1f1f1-0000-4000-8000-0000000000f1";

    public const string MinPin = "Policies/PINComplexity/MinimumPINLength";

    /// <summary>A custom OMA-URI profile with its own id (the reconcile stage reads one Graph object once).</summary>
    public static string Oma(string name, string id, string rows, string assignments = "") =>
        CustomOma(name, rows, assignments).Replace("22222222-0000-0000-0000-000000000002", id, StringComparison.Ordinal);

    public static string OmaInteger(string uri, string value) => $$"""
            {
              "@odata.type": "#microsoft.graph.omaSettingInteger",
              "displayName": "row",
              "omaUri": "{{uri}}",
              "isEncrypted": false,
              "isReadOnly": false,
              "value": {{value}}
            }
        """;

    /// <summary><c>./Device/Vendor/MSFT/PassportForWork/&lt;tenant&gt;/&lt;leaf&gt;</c>.</summary>
    public static string DeviceUri(string leaf) => $"./Device/Vendor/MSFT/PassportForWork/{TenantId}/{leaf}";

    public static string GroupWithFilter(string groupId, string mode) => $$"""
        [ { "target": { "@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "{{groupId}}", "deviceAndAppManagementAssignmentFilterId": "{{Filter}}", "deviceAndAppManagementAssignmentFilterType": "{{mode}}" } } ]
        """;

    public const string Unassigned = "[]";
}

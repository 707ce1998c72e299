using PolicyLint.Catalog;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Reads the deprecated Identity Protection device configuration profile (windowsIdentityProtectionConfiguration):
/// each WHfB property maps to its CSP node through the catalogue (reference section C). Settings are read in device
/// scope: which root Intune writes for a user-targeted assignment is not documented.
/// </summary>
public sealed class IdentityProtectionReader : IIntuneObjectReader
{
    public const string ODataType = "#microsoft.graph.windowsIdentityProtectionConfiguration";

    /// <summary>Properties every deviceConfiguration has: metadata, never a setting.</summary>
    private static readonly HashSet<string> InheritedProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "displayName", "description", "version", "createdDateTime", "lastModifiedDateTime", "roleScopeTagIds",
        "supportsScopeTags", "deviceManagementApplicabilityRuleOsEdition", "deviceManagementApplicabilityRuleOsVersion",
        "deviceManagementApplicabilityRuleDeviceMode", "assignments",
    };

    public PolicySource? TryRead(JsonObject obj, IntuneReadContext context)
    {
        if (!string.Equals(obj.ODataType, ODataType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var source = new PolicySource(SourceKind.IdentityProtection, context.NameOf(obj), context.NameLocationOf(obj)) { Id = obj.GetString("id") };
        foreach (var property in obj.Properties)
        {
            if (property.Value is not JsonScalar || IsMetadata(property.Name))
            {
                continue;
            }

            var node = PassportForWorkCatalog.FindByIdentityProtectionProperty(property.Name);
            if (node is null)
            {
                context.Note(property.Value, $"Identity Protection property '{property.Name}' has no PassportForWork node in the catalogue; it was not linted");
                continue;
            }

            IntunePropertyValues.Add(source, node, PolicyScope.Device, property.Name, property.NameLocation, property.Value, node.Names.IdentityProtectionInverted);
        }

        AssignmentReader.Read(obj, source, context);
        return source;
    }

    /// <summary>Inherited properties, OData annotations (<c>x@odata.type</c>) and action links (<c>#microsoft.graph.assign</c>).</summary>
    public static bool IsMetadata(string property) =>
        InheritedProperties.Contains(property) || property.Contains('@', StringComparison.Ordinal) || property.StartsWith('#');
}

using PolicyLint.Catalog;
using PolicyLint.Json;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// Reads the tenant-wide Windows Hello for Business enrollment policy (deviceEnrollmentWindowsHelloForBusinessConfiguration,
/// reference section E). It acts only when a device enrolls; the resolver ranks it below every targeted policy.
/// With <c>state</c> notConfigured the policy configures nothing: Intune leaves WHfB to the device and the other
/// properties are not delivered, so none of them is read.
/// </summary>
public sealed class EnrollmentWhfbReader : IIntuneObjectReader
{
    public const string ODataType = "#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration";

    /// <summary>Enrollment-configuration metadata, never a setting.</summary>
    private static readonly HashSet<string> Metadata = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "displayName", "description", "priority", "version", "createdDateTime", "lastModifiedDateTime",
        "roleScopeTagIds", "deviceEnrollmentConfigurationType", "assignments",
    };

    public PolicySource? TryRead(JsonObject obj, IntuneReadContext context)
    {
        var isEnrollment = string.Equals(obj.ODataType, ODataType, StringComparison.OrdinalIgnoreCase)
            || (obj.ODataType is null && string.Equals(obj.GetString("deviceEnrollmentConfigurationType"), "windowsHelloForBusiness", StringComparison.OrdinalIgnoreCase));
        if (!isEnrollment)
        {
            return null;
        }

        var source = new PolicySource(SourceKind.TenantWideEnrollment, context.NameOf(obj), context.NameLocationOf(obj)) { Id = obj.GetString("id") };
        var state = obj.Property("state");
        if (state is null || IntunePropertyValues.Convert(PassportForWorkCatalog.UsePassportForWork, state.Value) is null)
        {
            // Not configured: nothing is delivered at enrollment.
            AssignmentReader.Read(obj, source, context);
            return source;
        }

        foreach (var property in obj.Properties)
        {
            if (property.Value is not JsonScalar || Metadata.Contains(property.Name) || IdentityProtectionReader.IsMetadata(property.Name))
            {
                continue;
            }

            var node = PassportForWorkCatalog.FindByEnrollmentProperty(property.Name);
            if (node is null)
            {
                if (property.Value is JsonScalar { Kind: not JsonScalarKind.Null, Text: not ("0" or "notConfigured") })
                {
                    context.Note(property.Value, $"tenant-wide enrollment property '{property.Name}' has no PassportForWork node in the catalogue; it was not linted");
                }

                continue;
            }

            IntunePropertyValues.Add(source, node, PolicyScope.Device, property.Name, property.NameLocation, property.Value);
        }

        AssignmentReader.Read(obj, source, context);
        return source;
    }
}

using PolicyLint.Catalog;
using PolicyLint.Input;
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

    /// <summary>The deviceEnrollmentConfigurationType of the policy, in exports without @odata.type (IntuneCD).</summary>
    public const string ConfigurationType = "windowsHelloForBusiness";

    /// <summary>The policy is a WHfB source whatever it sets.</summary>
    public IReadOnlyList<ContentMarker> Markers { get; } = [ContentMarker.WholeString(ODataType), ContentMarker.WholeString(ConfigurationType)];

    public PolicySourceBuilder? TryRead(JsonObject obj, IntuneReadContext context)
    {
        var isEnrollment = string.Equals(obj.ODataType, ODataType, StringComparison.OrdinalIgnoreCase)
            || (obj.ODataType is null && string.Equals(obj.GetString("deviceEnrollmentConfigurationType"), ConfigurationType, StringComparison.OrdinalIgnoreCase));
        if (!isEnrollment)
        {
            return null;
        }

        var source = new PolicySourceBuilder(SourceKind.TenantWideEnrollment, context.NameOf(obj), context.NameLocationOf(obj)) { Id = obj.GetString("id") };
        // With state notConfigured nothing is delivered at enrollment, so no property is read.
        if (obj.Property("state") is { } state && IntunePropertyValues.Convert(PassportForWorkCatalog.UsePassportForWork, state.Value) is not null)
        {
            IntunePropertyValues.ReadProperties(obj, source, context, PassportForWorkCatalog.FindByEnrollmentProperty, identityProtection: false);
        }

        AssignmentReader.Read(obj, source, context);
        return source;
    }
}

using PolicyLint.Catalog;
using PolicyLint.Input;
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

    /// <summary>Every profile of this type is a WHfB source.</summary>
    public IReadOnlyList<ContentMarker> Markers { get; } = [ContentMarker.WholeString(ODataType)];

    public PolicySourceBuilder? TryRead(JsonObject obj, IntuneReadContext context)
    {
        if (!string.Equals(obj.ODataType, ODataType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var source = new PolicySourceBuilder(SourceKind.IdentityProtection, context.NameOf(obj), context.NameLocationOf(obj)) { Id = obj.GetString("id") };
        IntunePropertyValues.ReadProperties(obj, source, context, PassportForWorkCatalog.FindByIdentityProtectionProperty, identityProtection: true);
        AssignmentReader.Read(obj, source, context);
        return source;
    }
}

using PolicyLint.Model;

namespace PolicyLint.Catalog;

/// <summary>An OMA-URI taken apart: scope, tenant node, and the catalogue node it names.</summary>
public sealed record OmaUri(
    string Text,
    PolicyScope Scope,
    bool IsPassportForWork,
    string? TenantSegment,
    string CanonicalPath,
    CspNode? Node)
{
    private const string PassportForWorkRoot = "PassportForWork";

    private static readonly HashSet<string> TenantIndependentRoots = new(StringComparer.OrdinalIgnoreCase)
    {
        "Biometrics", "SecurityKey", "DeviceUnlock", "DynamicLock", "UseBiometrics",
    };

    /// <summary>
    /// Every OMA-URI <see cref="Parse"/> accepts holds one of these segments (case-insensitively): the PassportForWork
    /// root, or the last segment of a related catalogue node outside it. Tools that look for WHfB rows in raw text
    /// (the read stage's prefilter) use them.
    /// </summary>
    public static IReadOnlyList<string> RequiredSegments { get; } =
    [
        PassportForWorkRoot,
        .. PassportForWorkCatalog.All
            .Where(n => !n.Id.StartsWith(PassportForWorkRoot + "/", StringComparison.OrdinalIgnoreCase))
            .Select(n => n.Id[(n.Id.LastIndexOf('/') + 1)..]),
    ];

    /// <summary>True when the tenant node is not a tenant GUID: <c>{TenantId}</c>, <c>&lt;tenant ID&gt;</c>, <c>TenantId</c>...</summary>
    public bool TenantSegmentIsPlaceholder => TenantSegment is not null && !Guid.TryParseExact(TenantSegment.Trim('{', '}'), "D", out _);

    /// <summary>
    /// The tenant node as a GUID, braces and case ignored (<c>{9B6E...}</c> and <c>9b6e...</c> are one tenant); null when
    /// the OMA-URI has no tenant node or it is a placeholder.
    /// </summary>
    public Guid? TenantGuid => TenantSegment is not null && Guid.TryParseExact(TenantSegment.Trim('{', '}'), "D", out var guid) ? guid : null;

    /// <summary>
    /// The node this OMA-URI writes, spelled one way, so two rows that write the same node compare equal as strings:
    /// the catalogue's casing, the scope root written out (an OMA-URI without one is device scope), the tenant GUID in
    /// lower case without braces, e.g. <c>./Device/Vendor/MSFT/PassportForWork/9b6e7c1a-.../Policies/UsePassportForWork</c>.
    /// Two different tenant GUIDs stay different: they are different nodes on the device. Null when the catalogue does
    /// not know the node.
    /// </summary>
    public string? NormalizedPath => Node?.OmaUri(Scope, TenantGuid?.ToString("D") ?? TenantSegment ?? "{TenantId}");

    /// <summary>
    /// Parses <c>./Device/Vendor/MSFT/...</c>, <c>./User/Vendor/MSFT/...</c> and the unscoped <c>./Vendor/MSFT/...</c>.
    /// Returns null for OMA-URIs outside PassportForWork and the related Policy CSP nodes in the catalogue.
    /// </summary>
    public static OmaUri? Parse(string text)
    {
        var trimmed = text.Trim();
        var path = trimmed.StartsWith("./", StringComparison.Ordinal) ? trimmed[2..] : trimmed.TrimStart('.', '/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = 0;
        var scope = PolicyScope.Device;
        if (segments.Length > 0 && segments[0].Equals("User", StringComparison.OrdinalIgnoreCase))
        {
            scope = PolicyScope.User;
            index = 1;
        }
        else if (segments.Length > 0 && segments[0].Equals("Device", StringComparison.OrdinalIgnoreCase))
        {
            index = 1;
        }

        if (segments.Length < index + 3
            || !segments[index].Equals("Vendor", StringComparison.OrdinalIgnoreCase)
            || !segments[index + 1].Equals("MSFT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = segments[(index + 2)..];
        if (rest[0].Equals(PassportForWorkRoot, StringComparison.OrdinalIgnoreCase))
        {
            if (rest.Length < 2)
            {
                return new OmaUri(text, scope, true, null, "PassportForWork", null);
            }

            if (TenantIndependentRoots.Contains(rest[1]))
            {
                var canonical = "PassportForWork/" + string.Join('/', rest[1..]);
                return new OmaUri(text, scope, true, null, canonical, PassportForWorkCatalog.FindById(canonical));
            }

            var tenantPath = "PassportForWork/{TenantId}/" + string.Join('/', rest[2..]);
            return new OmaUri(text, scope, true, rest[1], tenantPath, PassportForWorkCatalog.FindById(tenantPath));
        }

        var policyPath = string.Join('/', rest);
        var related = PassportForWorkCatalog.FindById(policyPath);
        return related is null ? null : new OmaUri(text, scope, false, null, policyPath, related);
    }
}

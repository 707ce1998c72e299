using System.Buffers.Text;
using System.Text.Json;

namespace PolicyLint.Graph;

/// <summary>
/// The few claims of an Entra access token a pull reports on: the tenant it was issued for and the permissions it
/// carries. The token is not validated (Graph does that); tokens that are not JWTs give no claims.
/// </summary>
public sealed record AccessTokenClaims(string? TenantId, IReadOnlySet<string> Permissions)
{
    public static AccessTokenClaims None { get; } = new(null, new HashSet<string>());

    public static AccessTokenClaims Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return None;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var permissions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("scp", out var scp) && scp.ValueKind == JsonValueKind.String)
            {
                permissions.UnionWith(scp.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            if (root.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array)
            {
                permissions.UnionWith(roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!));
            }

            var tenant = root.TryGetProperty("tid", out var tid) && tid.ValueKind == JsonValueKind.String ? tid.GetString() : null;
            return new AccessTokenClaims(tenant, permissions);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return None;
        }
    }

    /// <summary>True when the token grants reading that permission (the ReadWrite form includes Read).</summary>
    public bool Grants(string permission) =>
        Permissions.Contains(permission) || Permissions.Contains(permission.Replace(".Read.", ".ReadWrite.", StringComparison.Ordinal));
}

using PolicyLint.Model;

namespace PolicyLint.Catalog;

/// <summary>
/// Why an OMA-URI meant for PassportForWork (or a related catalogue node) cannot address it, and the path it was
/// presumably meant to be (<see cref="OmaUri.FindMalformation"/>).
/// </summary>
/// <param name="Problems">Each mistake in words, e.g. "a trailing slash".</param>
/// <param name="Corrected">The URI with every mistake fixed; a missing tenant node is written <c>{TenantId}</c>.</param>
/// <param name="Scope">The scope the corrected URI names (device when it names none).</param>
public sealed record OmaUriMalformation(IReadOnlyList<string> Problems, string Corrected, PolicyScope Scope)
{
    public string Describe() => string.Join("; ", Problems);
}

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
    /// The mistakes that keep an OMA-URI from being a PassportForWork path, or null when it is one (or is not meant as
    /// one). "Meant as one": it has a <c>PassportForWork</c> segment, or, fixed, it names a related catalogue node.
    /// Mistakes: white space (OMA DM escapes every non-alphanumeric character of a LocURI, so a space is part of no node
    /// name), a leading <c>/</c> (a LocURI cannot start with it), empty node names (<c>//</c>, a trailing slash), a
    /// misspelt scope root (<c>./Devices</c>, <c>./Usr</c>), a vendor path other than <c>Vendor/MSFT</c> (e.g. the Policy
    /// CSP's <c>Vendor/MSFT/Policy</c>), and no tenant node before <c>Policies</c>. Not mistakes: the unscoped
    /// <c>./Vendor/MSFT/PassportForWork/...</c> (device scope), letter case, and a path without the leading <c>./</c>.
    /// </summary>
    public static OmaUriMalformation? FindMalformation(string text)
    {
        var problems = new List<string>();
        var path = WithoutWhiteSpace(text, problems);
        if (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }
        else if (path.StartsWith('/') || path.StartsWith('.'))
        {
            var prefix = path[..(path.Length - path.TrimStart('.', '/').Length)];
            problems.Add($"it starts with '{prefix}' instead of './'");
            path = path[prefix.Length..];
        }

        var raw = path.Split('/');
        if (raw.Length > 1 && raw[^1].Length == 0)
        {
            problems.Add("a trailing slash (an empty node name)");
        }

        var segments = raw.Where(r => r.Length > 0).ToList();
        if (segments.Count < raw.Length - (raw[^1].Length == 0 ? 1 : 0))
        {
            problems.Add("an empty node name ('//')");
        }

        var root = segments.FindIndex(s => s.Equals(PassportForWorkRoot, StringComparison.OrdinalIgnoreCase));
        if (root < 0)
        {
            // A related Policy CSP node: only the mistakes above, and only when the fixed path is one of ours.
            var fixedPath = "./" + string.Join('/', segments);
            return problems.Count > 0 && Parse(fixedPath) is { Node: not null } related ? new(problems, fixedPath, related.Scope) : null;
        }

        var head = segments[..root];
        string? scope = null;
        var vendorStart = 0;
        if (head.Count > 0 && (head[0].Equals("Device", StringComparison.OrdinalIgnoreCase) || head[0].Equals("User", StringComparison.OrdinalIgnoreCase)))
        {
            scope = head[0];
            vendorStart = 1;
        }
        else if (head.Count > 0 && ScopeRootMeant(head[0]) is { } meant)
        {
            problems.Add($"'./{head[0]}' is not a scope root (./Device or ./User)");
            scope = meant;
            vendorStart = 1;
        }

        var vendor = head[vendorStart..];
        if (vendor.Count != 2 || !vendor[0].Equals("Vendor", StringComparison.OrdinalIgnoreCase) || !vendor[1].Equals("MSFT", StringComparison.OrdinalIgnoreCase))
        {
            var written = vendor.Count == 0 ? "nothing" : $"'{string.Join('/', vendor)}'";
            problems.Add(vendor.Any(v => v.Equals("Policy", StringComparison.OrdinalIgnoreCase))
                ? $"the vendor path is {written}: PassportForWork is its own CSP at Vendor/MSFT/PassportForWork, not a Policy CSP area"
                : $"the vendor path is {written} instead of 'Vendor/MSFT'");
        }

        var rest = segments[(root + 1)..];
        if (rest.Count >= 2 && rest[0].Equals("Policies", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("no tenant node between PassportForWork and Policies");
            rest.Insert(0, "{TenantId}");
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var corrected = "./" + (scope is null ? string.Empty : scope + "/") + "Vendor/MSFT/" + string.Join('/', rest.Prepend(segments[root]));
        return Parse(corrected) is { } parsed ? new(problems, corrected, parsed.Scope) : null;
    }

    /// <summary>The text without white space; says where white space was (before, after, inside).</summary>
    private static string WithoutWhiteSpace(string text, List<string> problems)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && char.IsWhiteSpace(text[0]))
        {
            problems.Add("white space before the URI");
        }

        if (trimmed.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            problems.Add("white space after the URI");
        }

        if (!trimmed.Any(char.IsWhiteSpace))
        {
            return trimmed;
        }

        // White space in the tenant node ("<tenant ID>" copied from a guide) is part of a placeholder, PL4001's finding:
        // it stays as written there, and only white space elsewhere is a mistake of the path.
        var segments = trimmed.Split('/');
        var tenant = Array.FindIndex(segments, s => s.Trim().Equals(PassportForWorkRoot, StringComparison.OrdinalIgnoreCase)) + 1;
        var inside = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var isTenantNode = i == tenant && tenant > 0 && !TenantIndependentRoots.Contains(segments[i].Trim()) && !segments[i].Trim().Equals("Policies", StringComparison.OrdinalIgnoreCase);
            if (!isTenantNode && segments[i].Any(char.IsWhiteSpace))
            {
                inside = true;
                segments[i] = string.Concat(segments[i].Where(c => !char.IsWhiteSpace(c)));
            }
        }

        if (inside)
        {
            problems.Add("white space inside the URI");
        }

        return string.Join('/', segments);
    }

    /// <summary>"Device" or "User" for a first segment that is a near miss of one of them (Devices, Usr, Users), else null.</summary>
    private static string? ScopeRootMeant(string segment)
    {
        if (segment.Equals("Vendor", StringComparison.OrdinalIgnoreCase) || segment.Equals("MSFT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var lower = segment.ToLowerInvariant();
        if (Distance(lower, "device") <= 2)
        {
            return "Device";
        }

        return Distance(lower, "user") <= 2 ? "User" : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

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

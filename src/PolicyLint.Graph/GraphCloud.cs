using Azure.Identity;
using PolicyLint.Analysis;

namespace PolicyLint.Graph;

/// <summary>
/// A Microsoft Graph deployment: where Graph answers and where Entra ID signs in. The names are the ones
/// <c>--cloud</c> takes and <c>.policylint.yml</c>'s <c>cloud</c> uses.
/// </summary>
public sealed record GraphCloud(string Name, Uri GraphBaseUrl, Uri AuthorityHost)
{
    public static readonly GraphCloud Public = new(CloudNames.Public, new("https://graph.microsoft.com"), AzureAuthorityHosts.AzurePublicCloud);

    /// <summary>GCC High.</summary>
    public static readonly GraphCloud UsGovernment = new(CloudNames.UsGovernment, new("https://graph.microsoft.us"), AzureAuthorityHosts.AzureGovernment);

    /// <summary>DoD: the US Government sign-in, its own Graph host.</summary>
    public static readonly GraphCloud UsGovernmentDoD = new(CloudNames.UsGovernmentDoD, new("https://dod-graph.microsoft.us"), AzureAuthorityHosts.AzureGovernment);

    /// <summary>Operated by 21Vianet.</summary>
    public static readonly GraphCloud China = new(CloudNames.China, new("https://microsoftgraph.chinacloudapi.cn"), AzureAuthorityHosts.AzureChina);

    public static IReadOnlyList<GraphCloud> All { get; } = [Public, UsGovernment, UsGovernmentDoD, China];

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    /// <summary>The cloud of that name (case-insensitive), or null.</summary>
    public static GraphCloud? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A Graph permission as a delegated scope of this cloud's Graph (<c>https://graph.microsoft.us/Group.Read.All</c>).</summary>
    public string Scope(string permission) => $"{GraphBaseUrl.GetLeftPart(UriPartial.Authority)}/{permission}";

    /// <summary>The app-only scope: every application permission granted to the app.</summary>
    public string DefaultScope => Scope(".default");
}

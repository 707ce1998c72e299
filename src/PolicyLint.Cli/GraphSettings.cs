using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Graph;

namespace PolicyLint.Cli;

/// <summary>The Graph options 'pull' and 'lint --tenant' share, checked once, turned into a sign-in and pull options.</summary>
internal static class GraphSettings
{
    /// <summary>Null with <paramref name="error"/> set when an option is wrong (a usage error).</summary>
    public static (GraphSignIn SignIn, PullOptions Options)? Create(
        string tenant, string auth, string cloudName, string? graphUrlText, IConsole console, Action<PullProgress>? progress, out string error)
    {
        error = string.Empty;
        if (GraphCloud.Find(cloudName) is not { } cloud)
        {
            error = $"unknown --cloud '{cloudName}'; expected one of: {string.Join(", ", GraphCloud.Names)}";
            return null;
        }

        if (!GraphSignIn.Modes.Contains(auth, StringComparer.OrdinalIgnoreCase))
        {
            error = $"unknown --auth '{auth}'; expected one of: {string.Join(", ", GraphSignIn.Modes)}";
            return null;
        }

        Uri? graphUrl = null;
        if (graphUrlText is not null && !Uri.TryCreate(graphUrlText, UriKind.Absolute, out graphUrl))
        {
            error = $"--graph-url '{graphUrlText}' is not an absolute URL";
            return null;
        }

        var signIn = GraphSignIn.Create(auth, tenant, cloud, Environment.GetEnvironmentVariable, interactive: !console.IsInputRedirected && !console.IsErrorRedirected,
            tell: message => console.Error.WriteLine(message));
        return (signIn, new PullOptions { Tenant = tenant, Cloud = cloud, GraphUrl = graphUrl, Progress = progress });
    }
}

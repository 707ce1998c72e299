using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;

namespace PolicyLint.Graph;

/// <summary>
/// How a pull signs in (<c>--auth</c>), built from environment variables only: a secret on the command line would
/// land in shell history and process lists. <see cref="Credential"/> remembers the claims of the last token it handed
/// out (tenant, permissions), never the token.
/// </summary>
public sealed class GraphSignIn
{
    public const string TokenVariable = "POLICYLINT_GRAPH_TOKEN";

    /// <summary>Microsoft Graph Command Line Tools, the public client Graph PowerShell signs in with; AZURE_CLIENT_ID replaces it.</summary>
    public const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    /// <summary>The audience Entra expects on a federated (GitHub OIDC) token.</summary>
    public const string FederatedAudience = "api://AzureADTokenExchange";

    /// <summary>The values <c>--auth</c> takes, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Modes { get; } =
    [
        "default", "browser", "devicecode", "secret", "certificate", "github", "azurepipelines", "workloadidentity",
        "managedidentity", "azurecli", "token",
    ];

    private GraphSignIn(string mode, TokenCredential credential, IReadOnlyList<string> scopes)
    {
        Mode = mode;
        Credential = new ObservedCredential(credential);
        Scopes = scopes;
    }

    /// <summary>The mode in use (for <c>default</c>, the one it chose).</summary>
    public string Mode { get; }

    public ObservedCredential Credential { get; }

    /// <summary>What tokens are requested for: app-only <c>.default</c>, or the delegated permissions for a person.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Builds the sign-in for a mode; throws <see cref="GraphPullException"/> naming the variables a mode lacks.</summary>
    /// <param name="environment">Reads an environment variable (the process environment, or a test's).</param>
    /// <param name="interactive">True when a person is at a terminal (the default chain may then open a browser).</param>
    /// <param name="tell">Where a device code prompt goes (standard error).</param>
    public static GraphSignIn Create(string mode, string tenant, GraphCloud cloud, Func<string, string?> environment, bool interactive, Action<string> tell)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        string Require(string chosen, params string[] names)
        {
            foreach (var name in names)
            {
                if (Env(name) is { } value)
                {
                    return value;
                }
            }

            throw new GraphPullException($"--auth {chosen} needs {string.Join(" or ", names)} in the environment (see docs/graph.md)");
        }

        var appOnly = new[] { cloud.DefaultScope };
        var delegated = GraphPermissions.Delegated.Select(cloud.Scope).ToArray();
        var resolved = string.Equals(mode, "default", StringComparison.OrdinalIgnoreCase) ? ChooseDefault(Env, interactive) : mode.ToLowerInvariant();
        switch (resolved)
        {
            case "token":
                return new GraphSignIn(resolved, new EnvironmentTokenCredential(Require(resolved, TokenVariable)), appOnly);
            case "secret":
                return new GraphSignIn(resolved, new ClientSecretCredential(tenant, Require(resolved, "AZURE_CLIENT_ID"), Require(resolved, "AZURE_CLIENT_SECRET"),
                    new ClientSecretCredentialOptions { AuthorityHost = cloud.AuthorityHost }), appOnly);
            case "certificate":
            {
                var clientId = Require(resolved, "AZURE_CLIENT_ID");
                var path = Require(resolved, "AZURE_CLIENT_CERTIFICATE_PATH");
                var options = new ClientCertificateCredentialOptions { AuthorityHost = cloud.AuthorityHost, SendCertificateChain = Env("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN") == "true" };
                if (Env("AZURE_CLIENT_CERTIFICATE_PASSWORD") is { } password)
                {
                    var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, password);
                    return new GraphSignIn(resolved, new ClientCertificateCredential(tenant, clientId, certificate, options), appOnly);
                }

                return new GraphSignIn(resolved, new ClientCertificateCredential(tenant, clientId, path, options), appOnly);
            }

            case "github":
            {
                var clientId = Require(resolved, "AZURE_CLIENT_ID");
                var requestUrl = Require(resolved, "ACTIONS_ID_TOKEN_REQUEST_URL");
                var requestToken = Require(resolved, "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
                var audience = Env("POLICYLINT_OIDC_AUDIENCE") ?? FederatedAudience;
                return new GraphSignIn(resolved, new ClientAssertionCredential(tenant, clientId,
                    ct => GitHubOidcTokenAsync(requestUrl, requestToken, audience, ct),
                    new ClientAssertionCredentialOptions { AuthorityHost = cloud.AuthorityHost }), appOnly);
            }

            case "azurepipelines":
                return new GraphSignIn(resolved, new AzurePipelinesCredential(
                    tenant,
                    Require(resolved, "AZURESUBSCRIPTION_CLIENT_ID", "AZURE_CLIENT_ID"),
                    Require(resolved, "AZURESUBSCRIPTION_SERVICE_CONNECTION_ID"),
                    Require(resolved, "SYSTEM_ACCESSTOKEN"),
                    new AzurePipelinesCredentialOptions { AuthorityHost = cloud.AuthorityHost }), appOnly);
            case "workloadidentity":
                return new GraphSignIn(resolved, new WorkloadIdentityCredential(new WorkloadIdentityCredentialOptions
                {
                    TenantId = tenant,
                    ClientId = Require(resolved, "AZURE_CLIENT_ID"),
                    TokenFilePath = Require(resolved, "AZURE_FEDERATED_TOKEN_FILE"),
                    AuthorityHost = cloud.AuthorityHost,
                }), appOnly);
            case "managedidentity":
                return new GraphSignIn(resolved, new ManagedIdentityCredential(Env("AZURE_CLIENT_ID") is { } userAssigned
                    ? ManagedIdentityId.FromUserAssignedClientId(userAssigned)
                    : ManagedIdentityId.SystemAssigned), appOnly);
            case "azurecli":
                return new GraphSignIn(resolved, new AzureCliCredential(new AzureCliCredentialOptions { TenantId = tenant }), appOnly);
            case "browser":
                return new GraphSignIn(resolved, new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                {
                    TenantId = tenant,
                    ClientId = Env("AZURE_CLIENT_ID") ?? DefaultPublicClientId,
                    AuthorityHost = cloud.AuthorityHost,
                }), delegated);
            case "devicecode":
                return new GraphSignIn(resolved, new DeviceCodeCredential(new DeviceCodeCredentialOptions
                {
                    TenantId = tenant,
                    ClientId = Env("AZURE_CLIENT_ID") ?? DefaultPublicClientId,
                    AuthorityHost = cloud.AuthorityHost,
                    DeviceCodeCallback = (code, _) =>
                    {
                        tell(code.Message);
                        return Task.CompletedTask;
                    },
                }), delegated);
            case "cli-or-browser":
                // Nothing for a pipeline is configured: a person's Azure CLI sign-in, else a browser.
                return new GraphSignIn("azurecli, then browser", new ChainedTokenCredential(
                    new AzureCliCredential(new AzureCliCredentialOptions { TenantId = tenant }),
                    new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                    {
                        TenantId = tenant,
                        ClientId = Env("AZURE_CLIENT_ID") ?? DefaultPublicClientId,
                        AuthorityHost = cloud.AuthorityHost,
                    })), appOnly);
            default:
                throw new GraphPullException($"unknown --auth '{mode}'; expected one of: {string.Join(", ", Modes)}");
        }
    }

    /// <summary>
    /// The default: the first mode whose settings are in the environment (what a pipeline set up on purpose), then
    /// managed identity where the host advertises one, then Azure CLI (and a browser when a person is at a terminal).
    /// </summary>
    private static string ChooseDefault(Func<string, string?> env, bool interactive)
    {
        if (env(TokenVariable) is not null)
        {
            return "token";
        }

        if (env("AZURE_CLIENT_ID") is not null)
        {
            if (env("AZURE_CLIENT_SECRET") is not null)
            {
                return "secret";
            }

            if (env("AZURE_CLIENT_CERTIFICATE_PATH") is not null)
            {
                return "certificate";
            }

            if (env("AZURE_FEDERATED_TOKEN_FILE") is not null)
            {
                return "workloadidentity";
            }

            if (env("ACTIONS_ID_TOKEN_REQUEST_URL") is not null)
            {
                return "github";
            }
        }

        if (env("AZURESUBSCRIPTION_SERVICE_CONNECTION_ID") is not null && env("SYSTEM_ACCESSTOKEN") is not null)
        {
            return "azurepipelines";
        }

        if (env("IDENTITY_ENDPOINT") is not null || env("MSI_ENDPOINT") is not null)
        {
            return "managedidentity";
        }

        return interactive ? "cli-or-browser" : "azurecli";
    }

    /// <summary>Asks GitHub Actions for the workflow's OIDC token (the workflow needs <c>permissions: id-token: write</c>).</summary>
    private static async Task<string> GitHubOidcTokenAsync(string requestUrl, string requestToken, string audience, CancellationToken cancellationToken)
    {
        var separator = requestUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{requestUrl}{separator}audience={Uri.EscapeDataString(audience)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", requestToken);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new AuthenticationFailedException($"GitHub Actions did not issue an OIDC token (HTTP {(int)response.StatusCode}); does the workflow grant 'permissions: id-token: write'?");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        return document.RootElement.TryGetProperty("value", out var value) && value.GetString() is { Length: > 0 } token
            ? token
            : throw new AuthenticationFailedException("GitHub Actions answered the OIDC token request without a token");
    }

    /// <summary>An access token a pipeline already holds (<c>--auth token</c>); it expires when its <c>exp</c> claim says, else in an hour.</summary>
    private sealed class EnvironmentTokenCredential : TokenCredential
    {
        private readonly AccessToken _token;

        public EnvironmentTokenCredential(string token)
        {
            _token = new AccessToken(token, ExpiresOn(token) ?? DateTimeOffset.UtcNow.AddHours(1));
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token);

        private static DateTimeOffset? ExpiresOn(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : null;
            }
            catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
            {
                return null;
            }
        }
    }
}

/// <summary>Hands out the inner credential's tokens and keeps the claims of the last one (never the token itself).</summary>
public sealed class ObservedCredential : TokenCredential
{
    private readonly TokenCredential _inner;

    public ObservedCredential(TokenCredential inner) => _inner = inner;

    public AccessTokenClaims LastClaims { get; private set; } = AccessTokenClaims.None;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        Observe(_inner.GetToken(requestContext, cancellationToken));

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        Observe(await _inner.GetTokenAsync(requestContext, cancellationToken).ConfigureAwait(false));

    private AccessToken Observe(AccessToken token)
    {
        LastClaims = AccessTokenClaims.Read(token.Token);
        return token;
    }
}

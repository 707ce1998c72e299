using System.Net;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace PolicyLint.Graph;

/// <summary>What one Graph collection is, for messages: its path and the permission reading it takes.</summary>
internal sealed record GraphEndpoint(string Path, string Permission, string What);

/// <summary>
/// Raw JSON from Graph through Microsoft.Graph's client factory: its handlers retry 429/503/504 honouring
/// Retry-After, follow redirects (dropping the token on another host) and the final handler decompresses. The bearer
/// token is only ever attached for the Graph host itself. Every failure becomes a <see cref="GraphPullException"/>
/// whose message names the request, Graph's answer and, for a 403, the permission.
/// </summary>
internal sealed class GraphConnection : IDisposable
{
    /// <summary>Graph's throttling guidance asks clients to back off and retry; five tries ride out a burst.</summary>
    private const int MaxRetries = 5;

    private const int MaxPages = 100_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate;
    private readonly string _authMode;
    private int _requests;

    public GraphConnection(GraphSignIn signIn, Uri graphBaseUrl, int maxParallelRequests, int retryDelaySeconds = 3, HttpMessageHandler? finalHandler = null)
    {
        BaseUrl = new Uri(graphBaseUrl.GetLeftPart(UriPartial.Authority) + "/");
        _authMode = signIn.Mode;
        var tokens = new Microsoft.Graph.Authentication.AzureIdentityAccessTokenProvider(
            signIn.Credential, allowedHosts: [BaseUrl.Host], observabilityOptions: null, isCaeEnabled: true, scopes: [.. signIn.Scopes]);
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.OfType<RetryHandler>().Single();
        handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption { MaxRetry = MaxRetries, Delay = retryDelaySeconds });
        _http = GraphClientFactory.Create(new BaseBearerTokenAuthenticationProvider(tokens), handlers, finalHandler: finalHandler);
        _http.Timeout = TimeSpan.FromSeconds(100);
        _gate = new SemaphoreSlim(maxParallelRequests, maxParallelRequests);
    }

    /// <summary>The scheme, host and port requests go to (<c>https://graph.microsoft.com/</c>).</summary>
    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    public Uri Url(string relative) => new(BaseUrl, relative);

    /// <summary>GETs a JSON object; null when Graph answers 404.</summary>
    public async Task<JsonDocument?> GetObjectAsync(Uri url, GraphEndpoint endpoint, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(url, endpoint, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(url, endpoint, status, body);
        return Parse(url, body, needsValue: false);
    }

    /// <summary>GETs a JSON object; a null document with the status when Graph answers 404 or 403 (the caller decides what a refusal means).</summary>
    public async Task<(JsonDocument? Document, HttpStatusCode Status)> GetObjectOrRefusalAsync(Uri url, GraphEndpoint endpoint, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(url, endpoint, cancellationToken).ConfigureAwait(false);
        if (status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return (null, status);
        }

        EnsureSuccess(url, endpoint, status, body);
        return (Parse(url, body, needsValue: false), status);
    }

    /// <summary>Every page of a collection, following <c>@odata.nextLink</c> (only ever to the same Graph host).</summary>
    public async IAsyncEnumerable<GraphPage> PagesAsync(Uri first, GraphEndpoint endpoint, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = first;
        while (next is not null)
        {
            if (!seen.Add(next.AbsoluteUri) || seen.Count > MaxPages)
            {
                throw new GraphPullException($"Graph's paging of {Describe(first)} loops (the page {Describe(next)} came round again)");
            }

            var (status, body) = await SendAsync(next, endpoint, cancellationToken).ConfigureAwait(false);
            EnsureSuccess(next, endpoint, status, body);
            var document = Parse(next, body, needsValue: true);
            var url = next;
            next = NextLink(document, url);
            yield return new GraphPage(url, document, body.Length);
        }
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(Uri url, GraphEndpoint endpoint, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _requests);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (AggregateException ex) when (ex.Message.StartsWith("Too many retries", StringComparison.Ordinal))
        {
            // Kiota's retry handler gives up after MaxRetries throttled or unavailable answers.
            throw new GraphPullException($"Graph kept answering {Describe(url)} with 429 Too Many Requests or 503 Service Unavailable after {MaxRetries} retries; try again later");
        }
        catch (CredentialUnavailableException ex)
        {
            throw new GraphPullException($"sign-in is not available (--auth {_authMode}): {FirstLine(ex.Message)}", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new GraphPullException($"sign-in failed (--auth {_authMode}): {FirstLine(ex.Message)}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GraphPullException($"cannot reach Graph at {BaseUrl.GetLeftPart(UriPartial.Authority)} for {endpoint.What}: {FirstLine(ex.Message)}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphPullException($"Graph did not answer {Describe(url)} within {_http.Timeout.TotalSeconds:0} seconds", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void EnsureSuccess(Uri url, GraphEndpoint endpoint, HttpStatusCode status, byte[] body)
    {
        if ((int)status is >= 200 and < 300)
        {
            return;
        }

        var (code, message) = GraphError(body);
        var answer = $"{(int)status} {status}{(code is null ? string.Empty : ": " + code)}{(message is null ? string.Empty : " " + Quote(message))}";
        switch (status)
        {
            case HttpStatusCode.Forbidden:
                var cli = _authMode.StartsWith("azurecli", StringComparison.Ordinal)
                    ? " The Azure CLI's own sign-in cannot hold Intune permissions: sign the CLI in as a service principal (az login --service-principal) whose app has them, or use another --auth mode."
                    : string.Empty;
                throw new GraphPullException(
                    $"Graph refused to give {endpoint.What} ({Describe(url)}: {answer}). Reading them needs the Microsoft Graph permission {endpoint.Permission}, granted to the app (application permission with admin consent) or to the signed-in user (delegated).{cli} See docs/graph.md.",
                    endpoint.Permission);
            case HttpStatusCode.Unauthorized:
                throw new GraphPullException($"Graph did not accept the access token for {Describe(url)} ({answer}); it may have expired or be for another tenant or resource");
            default:
                throw new GraphPullException($"Graph answered {Describe(url)} with {answer}");
        }
    }

    private static JsonDocument Parse(Uri url, byte[] body, bool needsValue)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new GraphPullException($"Graph's answer to {Describe(url)} is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}): {FirstLine(ex.Message)}");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || (needsValue && (!root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)))
        {
            document.Dispose();
            throw new GraphPullException($"Graph's answer to {Describe(url)} is not {(needsValue ? "a page of a collection (a JSON object with a 'value' array)" : "a JSON object")}");
        }

        return document;
    }

    private Uri? NextLink(JsonDocument page, Uri current)
    {
        if (!page.RootElement.TryGetProperty("@odata.nextLink", out var link) || link.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (link.ValueKind != JsonValueKind.String || !Uri.TryCreate(link.GetString(), UriKind.Absolute, out var next))
        {
            throw new GraphPullException($"Graph's answer to {Describe(current)} has an @odata.nextLink that is not an absolute URL");
        }

        // The token goes with every request, so paging never leaves the Graph host it was asked of.
        if (Uri.Compare(next, BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new GraphPullException($"Graph's answer to {Describe(current)} pages on to another host ({next.GetLeftPart(UriPartial.Authority)}); it is not followed");
        }

        return next;
    }

    private static (string? Code, string? Message) GraphError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }

    /// <summary>A request as shown in messages: path and query, no host (the base URL is said once).</summary>
    public static string Describe(Uri url) => "GET " + Uri.UnescapeDataString(url.PathAndQuery);

    private static string Quote(string message)
    {
        var line = FirstLine(message);
        return "\"" + (line.Length > 400 ? line[..400] + "..." : line) + "\"";
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }
}

/// <summary>One page of a Graph collection; its <c>value</c> items stay valid until the page is disposed.</summary>
internal sealed class GraphPage : IDisposable
{
    public GraphPage(Uri url, JsonDocument document, int byteCount)
    {
        Url = url;
        Document = document;
        ByteCount = byteCount;
    }

    public Uri Url { get; }

    public JsonDocument Document { get; }

    public int ByteCount { get; }

    public IReadOnlyList<JsonElement> Items => [.. Document.RootElement.GetProperty("value").EnumerateArray()];

    public void Dispose() => Document.Dispose();
}

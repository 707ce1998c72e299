using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyLint.Tests.Graph;

/// <summary>
/// A Microsoft Graph on 127.0.0.1 (Kestrel, a random port) that serves a <see cref="FakeTenant"/> in Graph's wire
/// format: collections paged with <c>@odata.nextLink</c>/<c>$skiptoken</c>, <c>$expand=assignments</c>, Graph's error
/// bodies, and faults a test plants (429 with Retry-After, 503, 403, a malformed page, a dropped connection).
/// Requests without the expected bearer token get Graph's 401.
/// </summary>
public sealed class LoopbackGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeTenant _tenant;
    private readonly string _token;
    private readonly List<Fault> _faults = [];

    private LoopbackGraph(WebApplication app, FakeTenant tenant, string token)
    {
        _app = app;
        _tenant = tenant;
        _token = token;
    }

    /// <summary>http://127.0.0.1:port</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Added to every answer (the performance measurement uses 50 ms).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every request, in arrival order: when, what (path and query, unescaped) and the status answered.</summary>
    public ConcurrentQueue<(DateTimeOffset At, string Request, int Status)> Log { get; } = new();

    public static async Task<LoopbackGraph> StartAsync(FakeTenant tenant, string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var graph = new LoopbackGraph(app, tenant, token);
        app.Run(graph.HandleAsync);
        await app.StartAsync();
        graph.BaseUrl = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return graph;
    }

    /// <summary>Answers the next <paramref name="times"/> requests whose path and query contain <paramref name="match"/> with <paramref name="respond"/>.</summary>
    public void Fail(string match, Func<HttpContext, Task> respond, int times = 1)
    {
        lock (_faults)
        {
            _faults.Add(new Fault(match, respond, times));
        }
    }

    public static Func<HttpContext, Task> Throttled(int retryAfterSeconds) => context =>
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Error(context, 429, "TooManyRequests", "Too many requests from Identifier:00000000-0000-0000-0000-000000000000 under category:throttled");
    };

    public static Func<HttpContext, Task> Unavailable(int retryAfterSeconds) => context =>
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Error(context, 503, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.");
    };

    public static Func<HttpContext, Task> Forbidden(string message) => context => Error(context, 403, "Forbidden", message);

    public static Func<HttpContext, Task> Body(string text, int status = 200) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        await context.Response.WriteAsync(text);
    };

    /// <summary>The connection drops mid-answer, as when a network or the process on the other side goes away.</summary>
    public static Func<HttpContext, Task> Drop() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    public int Count(string match) => Log.Count(l => l.Request.Contains(match, StringComparison.Ordinal));

    private async Task HandleAsync(HttpContext context)
    {
        var request = Uri.UnescapeDataString(context.Request.Path.Value + context.Request.QueryString.Value);
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency);
            }

            Fault? fault = null;
            lock (_faults)
            {
                fault = _faults.FirstOrDefault(f => f.Times > 0 && request.Contains(f.Match, StringComparison.Ordinal));
                if (fault is not null)
                {
                    fault.Times--;
                }
            }

            if (context.Request.Headers.Authorization.ToString() != "Bearer " + _token)
            {
                await Error(context, 401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            }
            else if (fault is not null)
            {
                await fault.Respond(context);
            }
            else
            {
                await ServeAsync(context);
            }
        }
        finally
        {
            Log.Enqueue((DateTimeOffset.UtcNow, request, context.Response.StatusCode));
        }
    }

    private Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var expand = context.Request.Query["$expand"].ToString() == "assignments";
        var skip = int.TryParse(context.Request.Query["$skiptoken"], out var s) ? s : 0;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["beta", "deviceManagement", "configurationPolicies"]:
                return Page(context, "deviceManagement/configurationPolicies" + (expand ? "(assignments())" : string.Empty), Strip(_tenant.ConfigurationPolicies, expand), skip);
            case ["beta", "deviceManagement", "configurationPolicies", var id, "settings"]:
                return Page(context, $"deviceManagement/configurationPolicies('{id}')/settings", _tenant.PolicySettings.GetValueOrDefault(id) ?? [], skip);
            case ["beta", "deviceManagement", "configurationPolicies", var id, "assignments"]:
                return Page(context, $"deviceManagement/configurationPolicies('{id}')/assignments", AssignmentsOf(_tenant.ConfigurationPolicies, id), skip);
            case ["beta", "deviceManagement", "deviceConfigurations"]:
                return Page(context, "deviceManagement/deviceConfigurations" + (expand ? "(assignments())" : string.Empty), Strip(_tenant.DeviceConfigurations, expand), skip);
            case ["beta", "deviceManagement", "deviceConfigurations", _, var function] when function.StartsWith("getOmaSettingPlainTextValue(secretReferenceValueId='", StringComparison.Ordinal):
            {
                var secretId = Uri.UnescapeDataString(function)["getOmaSettingPlainTextValue(secretReferenceValueId='".Length..^2];
                return _tenant.PlainTexts.TryGetValue(secretId, out var plain)
                    ? Json(context, new JsonObject { ["@odata.context"] = $"{BaseUrl}/beta/$metadata#Edm.String", ["value"] = plain })
                    : Error(context, 404, "ResourceNotFound", $"secret {secretId} not found");
            }

            case ["beta", "deviceManagement", "intents"]:
                return Page(context, "deviceManagement/intents", _tenant.Intents, skip);
            case ["beta", "deviceManagement", "intents", var id, "settings"]:
                return Page(context, $"deviceManagement/intents('{id}')/settings", _tenant.IntentSettings.GetValueOrDefault(id) ?? [], skip);
            case ["beta", "deviceManagement", "intents", var id, "assignments"]:
                return Page(context, $"deviceManagement/intents('{id}')/assignments", _tenant.IntentAssignments.GetValueOrDefault(id) ?? [], skip);
            case ["beta", "deviceManagement", "deviceEnrollmentConfigurations"]:
                return Page(context, "deviceManagement/deviceEnrollmentConfigurations" + (expand ? "(assignments())" : string.Empty), Strip(_tenant.EnrollmentConfigurations, expand), skip);
            case ["beta", "deviceManagement", "assignmentFilters"]:
                return Page(context, "deviceManagement/assignmentFilters", _tenant.AssignmentFilters, skip);
            case ["v1.0", "groups", var id]:
                if (!_tenant.Groups.TryGetValue(id, out var group))
                {
                    return Error(context, 404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
                }

                var selected = new JsonObject { ["@odata.context"] = $"{BaseUrl}/v1.0/$metadata#groups(id,displayName,securityEnabled,groupTypes)/$entity" };
                foreach (var name in new[] { "id", "displayName", "securityEnabled", "groupTypes" })
                {
                    selected[name] = group[name]?.DeepClone();
                }

                return Json(context, selected);
            default:
                return Error(context, 400, "BadRequest", $"Resource not found for the segment '{segments.LastOrDefault()}'.");
        }
    }

    private static List<JsonObject> Strip(List<JsonObject> items, bool expand) =>
        expand ? items : [.. items.Select(i => { var copy = (JsonObject)i.DeepClone(); copy.Remove("assignments"); return copy; })];

    private static List<JsonObject> AssignmentsOf(List<JsonObject> items, string id) =>
        [.. (items.FirstOrDefault(i => (string?)i["id"] == id)?["assignments"]?.AsArray() ?? []).Select(a => (JsonObject)a!.DeepClone())];

    private Task Page(HttpContext context, string metadata, List<JsonObject> items, int skip)
    {
        var page = new JsonObject { ["@odata.context"] = $"{BaseUrl}/beta/$metadata#{metadata}" };
        var take = items.Skip(skip).Take(_tenant.PageSize).Select(i => (JsonNode)i.DeepClone()).ToArray();
        if (skip + _tenant.PageSize < items.Count)
        {
            var query = string.Join('&', context.Request.Query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={q.Value}").Append($"$skiptoken={skip + _tenant.PageSize}"));
            page["@odata.nextLink"] = $"{BaseUrl}{context.Request.Path}?{query}";
        }

        page["value"] = new JsonArray(take);
        return Json(context, page);
    }

    private static async Task Json(HttpContext context, JsonNode body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString(FakeTenant.GraphLikeJson)));
    }

    /// <summary>Graph's error body: <c>{"error": {"code", "message", "innerError": {...}}}</c>.</summary>
    public static async Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = "2026-11-23T10:15:00",
                    ["request-id"] = "6f1c3a5e-2b4d-4e8f-9a0b-1c2d3e4f5a6b",
                    ["client-request-id"] = "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
                },
            },
        };
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Fault(string match, Func<HttpContext, Task> respond, int times)
    {
        public string Match { get; } = match;

        public Func<HttpContext, Task> Respond { get; } = respond;

        public int Times { get; set; } = times;
    }
}

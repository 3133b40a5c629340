using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Web.Tests.Support;

/// <summary>
/// A local stand-in for the Hugging Face and arXiv APIs on 127.0.0.1 (a random port): serves scripted, recorded
/// responses per path, in order (the last one repeats), and records every request. Nothing leaves the machine.
/// </summary>
public sealed class RecordedApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScriptedResponse> _last = new(StringComparer.Ordinal);

    private RecordedApiServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<RecordedApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new RecordedApiServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return server;
    }

    /// <summary>Answers requests to <paramref name="path"/> with <paramref name="responses"/>, one each, in order; the last repeats.</summary>
    public void Script(string path, params ScriptedResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(path, _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var response in responses) queue.Enqueue(response);
    }

    /// <summary>
    /// Answers requests to exactly <paramref name="path"/> with query <paramref name="query"/> (as sent, with its <c>?</c>)
    /// before any script of the path alone: for APIs whose pages differ only in their query (an OAI-PMH harvest).
    /// </summary>
    public void ScriptQuery(string path, string query, params ScriptedResponse[] responses) => Script(path + query, responses);

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var query = context.Request.QueryString.Value ?? "";
        Requests.Enqueue(new RecordedRequest(path, query, context.Request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow));
        ScriptedResponse? response = null;
        // One lock for the dequeue and the "last repeats" memory: two requests at once must not see an empty queue
        // before the first has remembered what it took (the second would get a 404 nobody scripted).
        lock (_scripts)
        {
            var key = _scripts.ContainsKey(path + query) ? path + query : path;
            if (_scripts.TryGetValue(key, out var queue) && queue.TryDequeue(out var next)) response = _last[key] = next;
            else _last.TryGetValue(key, out response);
        }
        if (response is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
        var body = System.Text.Encoding.UTF8.GetBytes(response.Body);
        if (response.BreakOffAfter is { } cut)
        {
            // Promise the whole body, send part of it, then drop the connection.
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, cut));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        context.Response.ContentType = response.ContentType;
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

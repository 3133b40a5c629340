using System.Net.Http.Headers;

namespace Digest.Web.Tests.Support;

/// <summary>
/// The web app in a process of its own on 127.0.0.1 and a free port, with uploads enabled and the inbox and the index
/// sync polled quickly; started once <c>/readyz</c> answers 200. Disposing kills it.
/// </summary>
public sealed class DigestAppProcess : IDisposable
{
    public const string ApiKey = "drill-api-key-0123456789";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private DigestAppProcess(DigestProcess process, HttpClient client)
    {
        Process = process;
        Client = client;
    }

    public DigestProcess Process { get; }

    /// <summary>A client with the app's address as its base.</summary>
    public HttpClient Client { get; }

    public static async Task<DigestAppProcess> StartAsync(string dataDirectory)
    {
        var port = FreePort.Pick();
        var process = DigestProcess.Start(dataDirectory, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["Digest__IngestApiKey"] = ApiKey,
            ["Digest__InboxPollInterval"] = "00:00:00.200",
            ["Digest__IndexSyncInterval"] = "00:00:00.200",
            // Request logs at this rate would cost the drill more CPU than the app's own work.
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var app = new DigestAppProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) });
        try
        {
            await app.WaitUntilReadyAsync(StartTimeout);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200 (the store takes writes and the index is in step with it).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Process.HasExited) throw new InvalidOperationException($"The app exited with {Process.ExitCode}:\n{Process.Output}");
            try
            {
                using var response = await Client.GetAsync("/readyz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The app was not ready within {timeout}:\n{Process.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Starts <c>POST /api/ingest</c> of a file, streamed from disk.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string file, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StreamContent(stream) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Headers.Add("X-Api-Key", ApiKey);
        return await Client.SendAsync(request, cancellationToken);
    }

    public void Dispose()
    {
        Client.Dispose();
        Process.Dispose();
    }
}

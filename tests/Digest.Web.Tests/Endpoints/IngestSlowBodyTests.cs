using System.Net;
using System.Net.Sockets;
using System.Text;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Web.Tests.Endpoints;

/// <summary>The upload on real Kestrel, whose minimum body data rate only exists there (the test server has none).</summary>
public class IngestSlowBodyTests
{
    private const string Key = "test-key-0123456789abcdef";

    [Fact]
    public async Task Ingest_BodyTricklingBelowTheMinimumDataRate_IsRequestTimeout_LoggedAsAWarningNotAnError()
    {
        var logs = new RecordingLoggerProvider();
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key }, logs);
        // Kestrel's default (240 bytes/s after 5 s) made shorter, so the test takes seconds rather than a minute.
        app.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2));
        });
        app.StartServer();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var head = $"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {Key}\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var response = await TrickleUntilAnsweredAsync(stream, TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 408", response);
        Assert.Contains("too slowly", response);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("too slowly", StringComparison.Ordinal));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(0, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    /// <summary>Sends one byte a second (as a slow-loris client would) until the server answers; returns the answer.</summary>
    private static async Task<string> TrickleUntilAnsweredAsync(NetworkStream stream, TimeSpan timeout)
    {
        var buffer = new byte[64 * 1024];
        using var deadline = new CancellationTokenSource(timeout);
        var reading = stream.ReadAsync(buffer, deadline.Token).AsTask();
        while (!reading.IsCompleted)
        {
            try
            {
                await stream.WriteAsync("x"u8.ToArray(), deadline.Token);
            }
            catch (IOException)
            {
                // The server may close its side once it has answered; the answer is still there to read.
                break;
            }
            await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1), deadline.Token));
        }
        var read = await reading;
        var text = new StringBuilder(Encoding.ASCII.GetString(buffer, 0, read));
        // The body may follow the head in a later packet.
        using var more = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (read > 0 && !text.ToString().Contains("too slowly", StringComparison.Ordinal))
            {
                read = await stream.ReadAsync(buffer, more.Token);
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Nothing more came: assert on what did.
        }
        return text.ToString();
    }
}

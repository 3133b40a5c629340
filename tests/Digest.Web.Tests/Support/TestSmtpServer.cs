using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Digest.Web.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 at a free port, collecting every message it accepts.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and bring it back on the same port;
/// <see cref="BeforeAccept"/> runs before each message is accepted (to hold or interrupt a send).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private CancellationTokenSource? _running;
    private SmtpServer.SmtpServer? _server;
    private int _accepted;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>Called with the 1-based number of the message about to be accepted; the server answers when it returns.</summary>
    public Func<int, CancellationToken, Task>? BeforeAccept { get; set; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>Settings that point the app at this server.</summary>
    public Dictionary<string, string?> Settings(string publicBaseUrl = "http://digest.test") => new()
    {
        ["Digest:PublicBaseUrl"] = publicBaseUrl,
        ["Digest:Email:SmtpHost"] = "127.0.0.1",
        ["Digest:Email:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Digest:Email:Security"] = "None",
        ["Digest:Email:From"] = "Digest <digest@digest.test>",
        ["Digest:Email:SendAt"] = "07:00",
    };

    public static async Task<TestSmtpServer> StartNewAsync()
    {
        var server = new TestSmtpServer(FreePort());
        await server.StartAsync();
        return server;
    }

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CollectingStore(this));
        _running = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(_running.Token);
        return WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        _running!.Cancel();
        try
        {
            await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped either way: the port no longer answers.
        }
        _server = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived in total.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (_messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left)) throw new TimeoutException($"Expected {count} messages, got {_messages.Count}.");
        }
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _running?.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CollectingStore(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref owner._accepted);
            if (owner.BeforeAccept is { } before) await before(number, cancellationToken);
            using var stream = new MemoryStream(buffer.ToArray());
            owner._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            owner._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}

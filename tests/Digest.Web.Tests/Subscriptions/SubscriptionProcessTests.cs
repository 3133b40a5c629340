using System.Diagnostics;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Web.Tests.Subscriptions;

/// <summary>The <c>subscriptions</c> verbs of the real app binary, and a <c>kill -9</c> in the middle of a send run.</summary>
public sealed class SubscriptionProcessTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "digest-web-tests", "email-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task KillDuringSendNow_ResendsNothing_AndTheRestGoOutOnce()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        // Yesterday, so that today's run is the next period for every subscription.
        await PrepareAsync(smtp, DateTimeOffset.UtcNow.AddDays(-1), "first@example.org", "second@example.org", "third@example.org");
        Assert.Equal(3, smtp.Messages.Count); // the confirmations

        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        smtp.BeforeAccept = async (number, _) =>
        {
            if (number != 5) return;
            held.TrySetResult(); // the second digest is in the server's hands: kill the sender now
            await release.Task;
            throw new OperationCanceledException("the sender is gone");
        };
        using (var run = Start(smtp, "subscriptions", "send-now"))
        {
            await held.Task.WaitAsync(TimeSpan.FromMinutes(2));
            run.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no clean-up
            await run.WaitForExitAsync();
        }
        release.SetResult();
        Assert.Equal(["first@example.org"], Digests(smtp));

        // The next run resends nothing; the digest cut off by the kill waits for its lease, the rest go out.
        var (code, output) = await RunAsync(smtp, "subscriptions", "send-now");
        Assert.True(code == 0, output);
        Assert.Equal(["first@example.org", "third@example.org"], Digests(smtp));
        var (_, list) = await RunAsync(smtp, "subscriptions", "list");
        Assert.Contains("second@example.org  active  daily  /search?topic=llm  last sent never", list);

        // Once the lease has lapsed (here: a clock three minutes and more ahead) the second digest goes out, once.
        using (var app = App(smtp, DateTimeOffset.UtcNow.AddMinutes(4)))
        {
            var report = await app.Services.GetRequiredService<Digest.Web.Subscriptions.DigestMailRunner>().RunDueAsync(CancellationToken.None);
            Assert.Equal(1, report.Sent);
        }
        Assert.Equal(["first@example.org", "second@example.org", "third@example.org"], Digests(smtp));

        var (_, stats) = await RunAsync(smtp, "stats");
        Assert.Contains($"Email digests via 127.0.0.1:{smtp.Port} at 07:00 UTC: 3 active, 0 paused, 0 waiting for confirmation; 3 digests sent", stats);
        var (removed, removeOutput) = await RunAsync(smtp, "subscriptions", "remove", "THIRD@example.org");
        Assert.Equal(0, removed);
        Assert.Contains("1 subscription of third@example.org removed", removeOutput);
        Assert.Contains("2 subscriptions", (await RunAsync(smtp, "subscriptions", "list")).Output);
    }

    [Fact]
    public async Task SendNow_WithoutEmailSettings_SaysWhatToSet()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Digest.Web.dll"));
        start.ArgumentList.Add("subscriptions");
        start.ArgumentList.Add("send-now");
        start.Environment["Digest__DataDirectory"] = _dataDirectory;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Digest:Email:SmtpHost", error);
    }

    private async Task PrepareAsync(TestSmtpServer smtp, DateTimeOffset now, params string[] addresses)
    {
        var clock = new FakeTimeProvider(now);
        using var app = App(smtp, now, clock);
        await app.IngestAsync("corpus.jsonl", TestCorpus.Jsonl);
        await app.AssignTopicsAsync(TestCorpus.Topics);
        await using (var email = new Session(app))
        {
            foreach (var address in addresses) await email.SubscribeAndConfirmAsync(smtp, address);
        }
        clock.Advance(TimeSpan.FromMinutes(5));
        await app.IngestAsync("new.jsonl", """{"arxiv_id": "2611.00100", "title": "Language models that survive a kill", "abstract": "An abstract long enough to be a real one about language models and crashes.", "authors": ["Ada Lovelace"], "published": "2026-11-30", "categories": ["cs.CL"]}""");
        await app.AssignTopicsAsync(new Dictionary<string, string[]> { ["2611.00100"] = ["llm"] });
    }

    private DigestAppFactory App(TestSmtpServer smtp, DateTimeOffset now, FakeTimeProvider? clock = null)
    {
        var settings = smtp.Settings();
        settings["Digest:DataDirectory"] = _dataDirectory;
        return new DigestAppFactory(settings, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(clock ?? new FakeTimeProvider(now));
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Digest.Web.Hosting.DigestMailService)));
        });
    }

    private static string[] Digests(TestSmtpServer smtp) =>
        [.. smtp.Messages.Where(m => m.Headers["List-Unsubscribe"] is not null).Select(m => m.To.Mailboxes.Single().Address).Order()];

    private Process Start(TestSmtpServer smtp, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Digest.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Digest__DataDirectory"] = _dataDirectory;
        foreach (var (key, value) in smtp.Settings()) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(start)!;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(TestSmtpServer smtp, params string[] arguments)
    {
        using var process = Start(smtp, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Never hide a test's own failure behind clean-up.
        }
    }

    /// <summary>A browser-like client of <paramref name="app"/>, for subscribing through the pages.</summary>
    private sealed class Session(DigestAppFactory app) : IAsyncDisposable
    {
        private readonly HttpClient _client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        public async Task SubscribeAndConfirmAsync(TestSmtpServer smtp, string address)
        {
            var before = smtp.Messages.Count;
            var page = await _client.GetPageAsync("/search?topic=llm");
            var token = page.QuerySelector("form.subscribe-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            (await _client.PostAsync("/subscriptions/subscribe", Form(("__RequestVerificationToken", token), ("view", "/search?topic=llm"), ("email", address), ("frequency", "daily")))).EnsureSuccessStatusCode();
            var link = EmailHarness.LinkIn((await smtp.WaitForAsync(before + 1))[before], "/subscriptions/confirm");
            var confirm = await _client.GetPageAsync(link);
            var antiforgery = confirm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var confirmToken = confirm.QuerySelector("input[name=token]")!.GetAttribute("value")!;
            var answer = await _client.PostAsync("/subscriptions/confirm", Form(("__RequestVerificationToken", antiforgery), ("token", confirmToken)));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, answer.StatusCode);
        }

        public ValueTask DisposeAsync()
        {
            _client.Dispose();
            return ValueTask.CompletedTask;
        }

        private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
    }
}

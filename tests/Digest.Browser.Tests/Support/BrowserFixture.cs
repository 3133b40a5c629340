using System.Net;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Digest.Browser.Tests.Support;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (free port) over the sample digest plus the test corpus, and headless
/// Chromium from the system. A missing Chromium fails the tests: scripts/test.sh installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DigestAppFactory App { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: beside the test assembly, so every run's pictures are easy to find.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Run scripts/test.sh (it installs chromium) or: apt-get install -y chromium");

        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await App.IngestSampleAsync();
        await App.IngestAsync("corpus.jsonl", TestCorpus.Jsonl);
        await App.AssignTopicsAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh context (no history, no cookies), as a new browser window would be. Script alerts fail the test.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        // Generous: the suite runs on a small shared machine, where a page can take seconds under load.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => throw new InvalidOperationException("A page opened a dialog (script ran): " + dialog.Message);
        return page;
    }

    public string Url(string path) => BaseUrl + path;

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        App.Dispose();
    }
}

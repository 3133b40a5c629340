using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Digest.Browser.Tests.Support;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Digest.Browser.Tests;

/// <summary>
/// Email digests in Chromium: an app of its own with email set up (a real SMTP server on 127.0.0.1 catches the mail),
/// sharing the collection's browser. Links in mail start at Digest:PublicBaseUrl, so the test opens their path here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EmailDigestFlowTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestSmtpServer _smtp = null!;
    private DigestAppFactory _app = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartNewAsync();
        _app = new DigestAppFactory(_smtp.Settings());
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await _app.IngestAsync("corpus.jsonl", TestCorpus.Jsonl);
        await _app.AssignTopicsAsync(TestCorpus.Topics);
    }

    [Fact]
    public async Task SubscribeOnASearchPage_ConfirmFromTheMail_SeeTheSubscriptionOnItsManagePage()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/search?topic=llm&code=1");
        await AssertAccessibleAsync(page);
        await page.FillAsync("#subscribe-email", "reader@example.org");
        await page.CheckAsync("input[name=frequency][value=weekly]");
        await page.ClickAsync("form.subscribe-form button[type=submit]");
        await page.WaitForSelectorAsync("[data-outcome=accepted]");
        await AssertAccessibleAsync(page);

        var mail = (await _smtp.WaitForAsync(1))[0];
        Assert.Equal("reader@example.org", mail.To.Mailboxes.Single().Address);
        var link = ConfirmLink().Match(mail.TextBody!);
        Assert.True(link.Success, mail.TextBody);
        await page.GotoAsync(_baseUrl + link.Groups[1].Value);
        await AssertAccessibleAsync(page);
        await page.ClickAsync("button[data-confirm]");
        await page.WaitForSelectorAsync("[data-subscription]");

        Assert.StartsWith("/subscriptions/manage", new Uri(page.Url).AbsolutePath);
        Assert.Equal("reader@example.org", await page.InnerTextAsync("[data-email]"));
        Assert.Equal("active", await page.GetAttributeAsync("[data-status]", "data-status"));
        Assert.Equal("/search?topic=llm&code=1", await page.GetAttributeAsync("a[data-view]", "href"));
        Assert.True(await page.IsCheckedAsync("input[name=frequency][value=weekly]"));
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "subscription-manage.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }

    [GeneratedRegex("https?://[^/\\s]+(/subscriptions/confirm\\?token=[^\\s]+)")]
    private static partial Regex ConfirmLink();

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }
}

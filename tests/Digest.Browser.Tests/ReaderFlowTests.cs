using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Digest.Browser.Tests;

/// <summary>
/// A reader in Chromium: signs in from a mailed link, upvotes (with and without JavaScript), keeps a reading list and
/// exports it, submits a paper. One app for the class (<see cref="ReaderAppFixture"/>): each test has its own readers
/// and papers, so votes and saves of one never show in another.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReaderFlowTests(BrowserFixture browser, ReaderAppFixture app) : IClassFixture<ReaderAppFixture>
{
    private const string JanuaryTrending = "/trending?period=month&date=2025-01-01";

    [Fact]
    public async Task SignInFromTheMailedLink_LandsSignedIn_WithSavedAndAccountInTheHeader_ThenSignsOut()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.Url("/signin"));
        await page.FillAsync("#signin-email", "mail-reader@example.org");
        await page.ClickAsync("form.signin-form button[type=submit]");
        await page.WaitForSelectorAsync("[data-outcome=accepted]");

        var mail = (await app.Smtp.WaitForAsync(1)).Single(m => m.To.Mailboxes.Single().Address == "mail-reader@example.org");
        var link = SignInLink().Match(mail.TextBody!);
        Assert.True(link.Success, mail.TextBody);
        await page.GotoAsync(app.Url(link.Groups[1].Value));
        await page.ClickAsync("[data-signin-button]");
        await page.WaitForSelectorAsync("[data-signed-in]");

        Assert.Equal("/account", new Uri(page.Url).AbsolutePath);
        Assert.Equal("mail-reader@example.org", await page.InnerTextAsync("[data-reader-email]"));
        Assert.True(await page.IsVisibleAsync("[data-nav-saved]"));
        Assert.True(await page.IsVisibleAsync("[data-nav-account]"));
        Assert.Equal(0, await page.Locator("[data-nav-signin]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "account-signed-in.png"), FullPage = true });

        await page.ClickAsync("button:text-is('Sign out')");
        await page.WaitForSelectorAsync("[data-nav-signin]");
        Assert.Equal(0, await page.Locator("[data-nav-account]").CountAsync());
        // The link worked once: opening it again offers no button.
        var again = await page.GotoAsync(app.Url(link.Groups[1].Value));
        Assert.Equal(410, again!.Status);
        Assert.True(await page.IsVisibleAsync("[data-link-gone]"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Upvote_WithJavaScript_ChangesCountAndPressedStateInPlace_SurvivesAReload_AndUndoes()
    {
        var page = await browser.NewPageAsync();
        await app.SignInAsync(page, "js-voter@example.org");
        await VoteInPlaceAsync(page, "/search?q=agents", "2501.00003");
        await VoteInPlaceAsync(page, JanuaryTrending, "2412.00004");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Upvote_WithoutJavaScript_PostsTheFormAndReturnsToTheSamePageWithTheNewCount()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await app.SignInAsync(page, "plain-voter@example.org");
        await VoteByFormPostAsync(page, "/search?q=detection", "2406.00005");
        await VoteByFormPostAsync(page, JanuaryTrending, "2501.00001");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SaveTwoPapers_TheReadingListShowsBoth_SearchNarrowsIt_AndTheBibTexExportHoldsBoth()
    {
        var page = await browser.NewPageAsync();
        await app.SignInAsync(page, "saver@example.org");
        foreach (var (query, id) in new[] { ("retrieval", "2501.00002"), ("molecules", "2305.00007") })
        {
            await page.GotoAsync(app.Url("/search?q=" + query));
            await page.ClickAsync(SaveButton(id));
            await page.WaitForSelectorAsync(SaveButton(id) + "[aria-pressed=true]");
            Assert.Equal("Saved", await page.InnerTextAsync(SaveButton(id)));
        }

        await page.GotoAsync(app.Url("/saved"));
        Assert.Equal(["2305.00007", "2501.00002"], (await ListedIdsAsync(page)).Order().ToArray());
        await page.FillAsync("#saved-q", "molecules");
        await page.ClickAsync("form.inline-search button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("q=molecules", StringComparison.Ordinal));
        Assert.Equal(["2305.00007"], await ListedIdsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "saved-search.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-export=bibtex]"));
        Assert.EndsWith(".bib", download.SuggestedFilename, StringComparison.Ordinal);
        var bibtex = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(2, BibTexEntry().Count(bibtex));
        Assert.Contains("2501.00002", bibtex);
        Assert.Contains("2305.00007", bibtex);
        Assert.Contains("Graph neural networks for molecules", bibtex);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SubmitByArxivUrl_FetchesFromTheRecordedApi_AndTheDayPageSaysSubmittedByAReader()
    {
        var page = await browser.NewPageAsync();
        await app.SignInAsync(page, "submitter@example.org");
        await page.GotoAsync(app.Url("/submit"));
        await page.FillAsync("#submit-paper", "https://arxiv.org/abs/" + ReaderAppFixture.SubmittedId + "v2");
        await page.ClickAsync("form.submit-form button[type=submit]");
        await page.WaitForSelectorAsync("[data-outcome=added]");
        Assert.Contains("Sparse Widgets for Everyone", await page.InnerTextAsync("[data-outcome=added]"));
        Assert.Single(app.Arxiv.RequestsTo(Digest.Web.Tests.Support.ArxivResponses.QueryPath));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "submit-added.png"), FullPage = true });

        // The page names the day the paper went on (today, UTC): follow its link rather than guess the date here.
        var dayLink = page.Locator("main a[href^='/digests/']").First;
        var dayPath = await dayLink.GetAttributeAsync("href");
        Assert.Equal("/digests/" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dayPath);
        await dayLink.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(dayPath!, StringComparison.Ordinal));
        var entry = page.Locator("article.paper", new PageLocatorOptions { Has = page.Locator($"h3 a[href^='/papers/{ReaderAppFixture.SubmittedId}']") });
        Assert.Equal(1, await entry.CountAsync());
        Assert.Equal("Submitted by a reader", await entry.Locator("[data-note]").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    private async Task VoteInPlaceAsync(IPage page, string path, string id)
    {
        await page.GotoAsync(app.Url(path));
        var before = await VotesAsync(page, id);
        Assert.Equal("false", await page.GetAttributeAsync(VoteButton(id), "aria-pressed"));
        // A mark on this document: a navigation would replace the window's globals.
        await page.EvaluateAsync("window.__noNavigation = true");

        await page.ClickAsync(VoteButton(id));
        await page.WaitForSelectorAsync(VoteButton(id) + "[aria-pressed=true]");
        Assert.Equal(before + 1, await VotesAsync(page, id));
        Assert.True(await page.EvaluateAsync<bool>("window.__noNavigation === true"), path + ": the vote navigated");

        await page.ReloadAsync();
        Assert.Equal("true", await page.GetAttributeAsync(VoteButton(id), "aria-pressed"));
        Assert.Equal(before + 1, await VotesAsync(page, id));

        await page.EvaluateAsync("window.__noNavigation = true");
        await page.ClickAsync(VoteButton(id));
        await page.WaitForSelectorAsync(VoteButton(id) + "[aria-pressed=false]");
        Assert.Equal(before, await VotesAsync(page, id));
        Assert.True(await page.EvaluateAsync<bool>("window.__noNavigation === true"), path + ": the undo navigated");
        await page.ReloadAsync();
        Assert.Equal("false", await page.GetAttributeAsync(VoteButton(id), "aria-pressed"));
        Assert.Equal(before, await VotesAsync(page, id));
    }

    private async Task VoteByFormPostAsync(IPage page, string path, string id)
    {
        await page.GotoAsync(app.Url(path));
        var before = await VotesAsync(page, id);
        foreach (var (pressed, votes) in new[] { ("true", before + 1), ("false", before) })
        {
            // No script: the button's state can change only through the form post and the page it returns to.
            await page.ClickAsync(VoteButton(id));
            await page.WaitForSelectorAsync(VoteButton(id) + $"[aria-pressed={pressed}]");
            Assert.Equal(app.Url(path), page.Url);
            Assert.Equal(votes, await VotesAsync(page, id));
        }
    }

    private static async Task<int> VotesAsync(IPage page, string id) =>
        int.Parse(await page.InnerTextAsync(VoteButton(id) + " .votes-count"), CultureInfo.InvariantCulture);

    private static async Task<string[]> ListedIdsAsync(IPage page) =>
        [.. (await page.Locator("article.paper h3 a").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)")).Select(p => p["/papers/".Length..])];

    private static string VoteButton(string id) => $"button.vote-button[data-paper-id='{id}']";

    private static string SaveButton(string id) => $"form[data-reader-action=save]:has(input[name=paper][value='{id}']) button";

    [GeneratedRegex("https?://[^/\\s]+(/signin/link\\?token=[^\\s]+)")]
    private static partial Regex SignInLink();

    [GeneratedRegex("^@\\w+\\{", RegexOptions.Multiline)]
    private static partial Regex BibTexEntry();
}

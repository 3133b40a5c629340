using System.Net;
using System.Text.Json;
using Digest.Core.Readers;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Readers;

/// <summary>Upvotes and reading lists: one vote per reader, undo, the count everyone sees, saving, searching and exporting the list.</summary>
public sealed class ReaderActionTests
{
    private const string Paper = TestCorpus.FineTuningId;

    [Fact]
    public async Task Votes_CountOncePerReader_CanBeTakenBack_AndReachTheStoreAndIndexAtOnce()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var ada = await readers.SignedInAsync("ada@example.org");
        var alan = await readers.SignedInAsync("alan@example.org");

        Assert.Equal(1, await VotesAsync(ada, Paper, true));
        Assert.Equal(1, await VotesAsync(ada, Paper, true));
        Assert.Equal(2, await VotesAsync(alan, Paper, true));
        Assert.Equal(2, (await readers.App.GetPaperAsync(Paper))!.ReaderVotes);
        Assert.Equal(1, await VotesAsync(ada, Paper, false));
        Assert.Equal(1, (await readers.App.GetPaperAsync(Paper))!.ReaderVotes);
        Assert.Equal(1, await VotesAsync(ada, Paper, false));
    }

    [Fact]
    public async Task AFormVote_ReturnsToTheLocalPageItCameFrom_NeverToAnotherSite()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var ada = await readers.SignedInAsync("ada@example.org");
        var back = await ReaderHarness.ActAsync(ada, "vote", Paper, true, returnUrl: "/search?q=adapters");
        Assert.Equal("/search?q=adapters", back.Headers.Location!.OriginalString);
        foreach (var hostile in new[] { "//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)" })
        {
            var answer = await ReaderHarness.ActAsync(ada, "vote", Paper, true, returnUrl: hostile);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/papers/" + Paper, answer.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Votes_AreRateLimitedPerReader()
    {
        await using var readers = await ReaderHarness.CreateAsync(s => s["Digest:Community:VotesPerReaderPerMinute"] = "3");
        var ada = await readers.SignedInAsync("ada@example.org");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await ReaderHarness.ActAsync(ada, "vote", Paper, i % 2 == 0, accept: "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ReaderHarness.ActAsync(ada, "vote", Paper, true, accept: "application/json")).StatusCode);
        // Another reader has an allowance of their own.
        var alan = await readers.SignedInAsync("alan@example.org");
        Assert.Equal(HttpStatusCode.OK, (await ReaderHarness.ActAsync(alan, "vote", Paper, true, accept: "application/json")).StatusCode);
    }

    [Theory]
    [InlineData("vote")]
    [InlineData("save")]
    public async Task UnknownAndOversizedPaperIds_AreRefusedCleanly(string action)
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var ada = await readers.SignedInAsync("ada@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderHarness.ActAsync(ada, action, "9999.99999", true, accept: "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReaderHarness.ActAsync(ada, action, new string('x', 5_000), true, accept: "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReaderHarness.ActAsync(ada, action, "", true, accept: "application/json")).StatusCode);
        Assert.Equal(0, (await readers.App.GetPaperAsync(Paper))!.ReaderVotes);
    }

    [Fact]
    public async Task ReadingList_IsSearchableWithFacets_AndExportsAsBibTexAndJsonLines()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var ada = await readers.SignedInAsync("ada@example.org");
        Assert.NotNull((await ada.GetPageAsync("/saved")).QuerySelector("[data-empty-list]"));
        foreach (var id in new[] { "2501.00001", "2501.00002", "2412.00004", TestCorpus.OldStyleId })
        {
            Assert.Equal(HttpStatusCode.OK, (await ReaderHarness.ActAsync(ada, "save", id, true, accept: "application/json")).StatusCode);
        }
        Assert.Equal(4, (await ada.GetPageAsync("/saved")).Total());
        // The same search and facets as everywhere, within the list.
        Assert.Equal(2, (await ada.GetPageAsync("/saved?category=cs.CL")).Total());
        Assert.Equal(1, (await ada.GetPageAsync("/saved?q=diffusion")).Total());
        // Another reader's list is their own.
        var alan = await readers.SignedInAsync("alan@example.org");
        Assert.NotNull((await alan.GetPageAsync("/saved")).QuerySelector("[data-empty-list]"));

        var bibtex = await ada.GetStringAsync("/saved/export?format=bibtex");
        Assert.Equal(4, bibtex.Split("\n@", StringSplitOptions.None).Length - (bibtex.StartsWith('@') ? 0 : 1));
        Assert.Contains("Fine-tuning large language models", bibtex);
        Assert.Contains("hep-th/9901001", bibtex);

        var jsonl = await ada.GetStringAsync("/saved/export?format=jsonl");
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        // The export is the format ingest reads: it parses back into the same papers.
        var parsed = new List<string>();
        foreach (var line in lines) parsed.Add(JsonDocument.Parse(line).RootElement.GetProperty("arxiv_id").GetString()!);
        Assert.Equal(["2412.00004", "2501.00001", "2501.00002", TestCorpus.OldStyleId], parsed.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await ada.GetAsync("/saved/export?format=xml")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ReaderHarness.ActAsync(ada, "save", "2412.00004", false, accept: "application/json")).StatusCode);
        Assert.Equal(3, (await ada.GetPageAsync("/saved")).Total());
    }

    [Fact]
    public async Task ReadingList_ShowsTheViewsTheReaderFollowsByEmail()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        await readers.Email.SubscribeAndConfirmAsync("ada@example.org", "/search?topic=llm");
        var ada = await readers.SignedInAsync("ada@example.org");
        var followed = (await ada.GetPageAsync("/saved")).QuerySelector("[data-followed]")!;
        Assert.Equal("/search?topic=llm", followed.QuerySelector("a")!.GetAttribute("href"));
        var alan = await readers.SignedInAsync("alan@example.org");
        Assert.Null((await alan.GetPageAsync("/saved")).QuerySelector("[data-followed]"));
    }

    [Fact]
    public async Task ReadingList_HasACap()
    {
        await using var readers = await ReaderHarness.CreateAsync(s => s["Digest:Community:MaxSavedPapers"] = "2");
        var ada = await readers.SignedInAsync("ada@example.org");
        Assert.Equal(HttpStatusCode.OK, (await ReaderHarness.ActAsync(ada, "save", "2501.00001", true, accept: "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReaderHarness.ActAsync(ada, "save", "2501.00002", true, accept: "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ReaderHarness.ActAsync(ada, "save", "2501.00003", true, accept: "application/json")).StatusCode);
        Assert.Equal(2, (await readers.App.Services.GetRequiredService<SavedPapers>().IdsAsync((await readers.App.Services.GetRequiredService<ReaderStore>().FindAsync("ada@example.org"))!.Id)).Count);
    }

    [Fact]
    public async Task AVote_HasMovedThePaperInTheTrendingOrder_WhenTheVoterGetsTheAnswer()
    {
        // The background sync would index the vote too, but not within this test: only the vote's own catch-up can.
        await using var readers = await ReaderHarness.CreateAsync(s => s["Digest:IndexSyncInterval"] = "01:00:00");
        // Two papers of the same day, the first with one source upvote more than the second.
        await readers.App.IngestAsync("two.jsonl", string.Join('\n',
            """{"arxiv_id": "2503.00011", "title": "First paper", "abstract": "An abstract about learning, long enough to look real.", "published": "2025-03-09", "digest_days": ["2025-03-09"], "upvotes": 1}""",
            """{"arxiv_id": "2503.00012", "title": "Second paper", "abstract": "An abstract about learning, long enough to look real.", "published": "2025-03-09", "digest_days": ["2025-03-09"]}"""));
        const string Order = "/api/search?sort=trending&from=2025-03-09&to=2025-03-09";
        Assert.Equal(["2503.00011", "2503.00012"], await IdsAsync(readers.NewBrowser(), Order));

        var ada = await readers.SignedInAsync("ada@example.org");
        var alan = await readers.SignedInAsync("alan@example.org");
        await VotesAsync(ada, "2503.00012", true);
        await VotesAsync(alan, "2503.00012", true);
        // No waiting for the background sync: the vote's answer comes after the index has it.
        Assert.Equal(["2503.00012", "2503.00011"], await IdsAsync(readers.NewBrowser(), Order));
        await VotesAsync(alan, "2503.00012", false);
        await VotesAsync(ada, "2503.00012", false);
        Assert.Equal(["2503.00011", "2503.00012"], await IdsAsync(readers.NewBrowser(), Order));
    }

    [Fact]
    public async Task SignedInList_KeepsTheButtonsAndAuthorsInOneRow()
    {
        // The buttons are forms: inside a <p> row, the parser closed the row at the first form and the rest fell out.
        await using var readers = await ReaderHarness.CreateAsync();
        var ada = await readers.SignedInAsync("ada@example.org");
        var papers = (await ada.GetPageAsync("/search")).QuerySelectorAll(".paper").Where(p => p.QuerySelector(".author") is not null).ToList();
        Assert.NotEmpty(papers);
        Assert.All(papers, paper =>
        {
            var row = paper.QuerySelector(".paper-meta")!;
            Assert.NotNull(row.QuerySelector(".vote-button"));
            Assert.NotNull(row.QuerySelector(".save-button"));
            Assert.NotNull(row.QuerySelector(".author a"));
        });
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/saved")]
    [InlineData("/submit")]
    public async Task SignedInPages_AreNotMarkedNoIndex_AndSignedOutGetsNoneOfThem(string path)
    {
        // A crawler has no session: it is sent to sign in, so a noindex on these pages would hide nothing.
        await using var readers = await ReaderHarness.CreateAsync();
        var ada = await readers.SignedInAsync("ada@example.org");
        Assert.Null((await ada.GetPageAsync(path)).QuerySelector("meta[name=robots]"));
        var signedOut = await readers.NewBrowser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/signin", signedOut.Headers.Location!.OriginalString);
    }

    private static async Task<List<string>> IdsAsync(HttpClient browser, string url)
    {
        using var json = JsonDocument.Parse(await browser.GetStringAsync(url));
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }

    private static async Task<int> VotesAsync(HttpClient browser, string paperId, bool up)
    {
        var answer = await ReaderHarness.ActAsync(browser, "vote", paperId, up, accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(up, json.GetProperty("voted").GetBoolean());
        return json.GetProperty("votes").GetInt32();
    }
}

using System.Net;
using Digest.Core.Search;
using Digest.Core.Submissions;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Readers;

/// <summary>Submitting an arXiv paper on /submit (served by a recorded arXiv API), and curators taking papers off a day or a reader's submissions back.</summary>
public sealed class SubmitAndCurateTests
{
    private const string Submitted = "2403.01234";

    private static async Task<(RecordedApiServer Arxiv, ReaderHarness Readers)> StartAsync(Action<Dictionary<string, string?>>? more = null)
    {
        var arxiv = await RecordedApiServer.StartAsync();
        arxiv.Script(ArxivResponses.QueryPath, ArxivResponses.Fixture("id-2403.01234.xml"));
        var readers = await ReaderHarness.CreateAsync(settings =>
        {
            foreach (var (key, value) in ArxivResponses.Settings(arxiv.BaseUrl)) settings[key] = value;
            more?.Invoke(settings);
        });
        return (arxiv, readers);
    }

    [Fact]
    public async Task AReaderSubmitsALink_ThePaperIsOnTodaysDigest_AndASecondSubmissionIsToldItIsThere()
    {
        var (arxiv, readers) = await StartAsync();
        await using var _ = arxiv;
        await using var __ = readers;
        var ada = await readers.SignedInAsync("ada@example.org");
        var today = DateOnly.FromDateTime(readers.Email.Clock.GetUtcNow().UtcDateTime);

        var added = await ReaderHarness.SubmitAsync(ada, "/submit", "form.submit-form", new() { ["paper"] = "https://arxiv.org/abs/2403.01234v2" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("data-outcome=\"added\"", await added.Content.ReadAsStringAsync());
        Assert.Equal([today], (await readers.App.GetPaperAsync(Submitted))!.DigestDays);
        var day = readers.App.Services.GetRequiredService<SearchService>().Search(new SearchRequest { DigestDay = today });
        Assert.Equal(Submitted, Assert.Single(day.Results).Id);
        Assert.NotNull((await ada.GetPageAsync("/submit")).QuerySelector($"[data-my-submissions] a[href='/papers/{Submitted}']"));

        var alan = await readers.SignedInAsync("alan@example.org");
        var again = await ReaderHarness.SubmitAsync(alan, "/submit", "form.submit-form", new() { ["paper"] = Submitted });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var text = await again.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"alreadysubmitted\"", text);
        Assert.DoesNotContain("ada@example.org", text);
        Assert.Single(arxiv.RequestsTo(ArxivResponses.QueryPath));
    }

    [Theory]
    [InlineData("not an id")]
    [InlineData("https://evil.example/abs/2403.01234")]
    [InlineData("<script>alert(1)</script>")]
    public async Task HostileOrMalformedInput_IsRefusedWithAMessage_AndAsksNothing(string text)
    {
        var (arxiv, readers) = await StartAsync();
        await using var _ = arxiv;
        await using var __ = readers;
        var ada = await readers.SignedInAsync("ada@example.org");
        var answer = await ReaderHarness.SubmitAsync(ada, "/submit", "form.submit-form", new() { ["paper"] = text });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await answer.Content.ReadAsStringAsync());
        var oversized = await ReaderHarness.SubmitAsync(ada, "/submit", "form.submit-form", new() { ["paper"] = new string('1', 100_000) });
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Empty(arxiv.RequestsTo(ArxivResponses.QueryPath));
    }

    [Fact]
    public async Task Submissions_AreLimitedPerReaderPerDay_AndNeedASignedInReader()
    {
        var (arxiv, readers) = await StartAsync(s => s["Digest:Community:SubmissionsPerReaderPerDay"] = "2");
        await using var _ = arxiv;
        await using var __ = readers;
        var signedOut = readers.NewBrowser();
        var page = await signedOut.GetAsync("/submit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin?returnUrl=%2Fsubmit", page.Headers.Location!.OriginalString);
        var token = await ReaderHarness.AntiforgeryAsync(signedOut, "/signin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReaderHarness.PostAsync(signedOut, "/submit", new() { ["__RequestVerificationToken"] = token, ["paper"] = Submitted })).StatusCode);

        var ada = await readers.SignedInAsync("ada@example.org");
        for (var i = 0; i < 2; i++) await ReaderHarness.SubmitAsync(ada, "/submit", "form.submit-form", new() { ["paper"] = "nonsense" });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ReaderHarness.SubmitAsync(ada, "/submit", "form.submit-form", new() { ["paper"] = Submitted })).StatusCode);
        Assert.Empty(arxiv.RequestsTo(ArxivResponses.QueryPath));
    }

    [Fact]
    public async Task ACurator_RemovesAReadersSubmissions_AndTakesAPaperOffADay_BothAudited()
    {
        var (arxiv, readers) = await StartAsync();
        await using var _ = arxiv;
        await using var __ = readers;
        var spammer = await readers.SignedInAsync("spam@example.org");
        await ReaderHarness.SubmitAsync(spammer, "/submit", "form.submit-form", new() { ["paper"] = Submitted });
        Assert.Single((await readers.App.GetPaperAsync(Submitted))!.DigestDays);
        var admin = await readers.SignedInAsync("admin@example.org", admin: true);

        var spammerId = (await readers.App.Services.GetRequiredService<Core.Readers.ReaderStore>().FindAsync("spam@example.org"))!.Id;
        var removed = await ReaderHarness.SubmitAsync(admin, "/admin", $"form[data-remove-submissions]:has(input[value=\"{spammerId}\"])");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await readers.App.GetPaperAsync(Submitted))!.DigestDays);
        Assert.Empty(await readers.App.Services.GetRequiredService<SubmissionService>().ListByReaderAsync(spammerId));
        var audit = Assert.Single((await admin.GetPageAsync("/admin")).QuerySelectorAll("[data-audit] tr[data-action=remove-submissions]"));
        Assert.Contains(Submitted, audit.TextContent);

        // A paper a digest put on a day: the curator takes it off that day.
        var token = await ReaderHarness.AntiforgeryAsync(admin, "/account");
        var off = await ReaderHarness.PostAsync(admin, "/curate/removefromday", new() { ["__RequestVerificationToken"] = token, ["paper"] = TestCorpus.FineTuningId, ["day"] = "2025-01-13" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("/digests/2025-01-13", off.Headers.Location!.OriginalString);
        Assert.Empty((await readers.App.GetPaperAsync(TestCorpus.FineTuningId))!.DigestDays);
        Assert.Single((await admin.GetPageAsync("/admin")).QuerySelectorAll("[data-audit] tr[data-action=remove-from-day]"));
        Assert.Equal(HttpStatusCode.NotFound, (await ReaderHarness.PostAsync(admin, "/curate/removefromday", new() { ["__RequestVerificationToken"] = token, ["paper"] = TestCorpus.FineTuningId, ["day"] = "2025-01-13" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReaderHarness.PostAsync(admin, "/curate/removefromday", new() { ["__RequestVerificationToken"] = token, ["paper"] = TestCorpus.FineTuningId, ["day"] = "13/01/2025" })).StatusCode);
    }
}

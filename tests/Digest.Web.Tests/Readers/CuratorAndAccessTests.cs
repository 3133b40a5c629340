using System.Net;
using Digest.Core.Readers;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Readers;

/// <summary>
/// Authorization on the server for every reader and curator action: signed out nothing works, a reader cannot curate,
/// and every curator action lands in the audit log. Disabling a reader ends their sessions and uncounts their votes.
/// </summary>
public sealed class CuratorAndAccessTests
{
    private const string Paper = TestCorpus.FineTuningId;

    public static TheoryData<string, string> ReaderPosts => new()
    {
        { "/actions/vote", "paper=" + Paper + "&on=true" },
        { "/actions/save", "paper=" + Paper + "&on=true" },
        { "/account?handler=SignOutEverywhere", "" },
    };

    public static TheoryData<string, string> CuratorPosts => new()
    {
        { "/curate/feature", "paper=" + Paper + "&on=true" },
        { "/admin?handler=Invite", "email=mallory@example.org&admin=true" },
        { "/admin?handler=Disable", "reader=2" },
        { "/admin?handler=Enable", "reader=2" },
        { "/admin?handler=RemoveSubmissions", "reader=2" },
        { "/curate/removefromday", "paper=" + Paper + "&day=2025-01-13" },
    };

    [Theory]
    [MemberData(nameof(ReaderPosts))]
    [MemberData(nameof(CuratorPosts))]
    public async Task SignedOut_NoActionWorks_EvenWithAValidAntiforgeryToken(string path, string form)
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var browser = readers.NewBrowser();
        var token = await ReaderHarness.AntiforgeryAsync(browser, "/signin");
        var answer = await ReaderHarness.PostAsync(browser, path, Fields(form, token));
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        await AssertNothingChangedAsync(readers);
    }

    [Theory]
    [MemberData(nameof(CuratorPosts))]
    public async Task AReader_CannotPerformAnyCuratorAction(string path, string form)
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var admin = await readers.SignedInAsync("admin@example.org", admin: true);
        var reader = await readers.SignedInAsync("reader@example.org");
        var token = await ReaderHarness.AntiforgeryAsync(reader, "/account");
        var answer = await ReaderHarness.PostAsync(reader, path, Fields(form.Replace("reader=2", "reader=2", StringComparison.Ordinal), token));
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/admin")).StatusCode);
        await AssertNothingChangedAsync(readers);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ReaderPosts))]
    [MemberData(nameof(CuratorPosts))]
    public async Task PostsWithoutAnAntiforgeryToken_AreRefused(string path, string form)
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var admin = await readers.SignedInAsync("admin@example.org", admin: true);
        var answer = await ReaderHarness.PostAsync(admin, path, Fields(form, token: null));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(0, (await readers.App.GetPaperAsync(Paper))!.ReaderVotes);
        Assert.Null((await readers.App.GetPaperAsync(Paper))!.FeaturedAt);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Featuring_IsRecordedInTheAuditLog_WhichAdminsSee()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var admin = await readers.SignedInAsync("admin@example.org", admin: true);
        var token = await ReaderHarness.AntiforgeryAsync(admin, "/account");
        var answer = await ReaderHarness.PostAsync(admin, "/curate/feature", new() { ["__RequestVerificationToken"] = token, ["paper"] = Paper, ["on"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.NotNull((await readers.App.GetPaperAsync(Paper))!.FeaturedAt);

        var page = await admin.GetPageAsync("/admin");
        var row = Assert.Single(page.QuerySelectorAll("[data-audit] tr[data-action=feature]"));
        Assert.Contains("admin@example.org", row.TextContent);
        Assert.Contains(Paper, row.TextContent);
    }

    [Fact]
    public async Task DisablingAReader_EndsTheirSessions_StopsTheirLinks_AndUncountsTheirVotes()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var admin = await readers.SignedInAsync("admin@example.org", admin: true);
        var mallory = await readers.SignedInAsync("mallory@example.org");
        Assert.Equal(HttpStatusCode.OK, (await ReaderHarness.ActAsync(mallory, "vote", Paper, true, accept: "application/json")).StatusCode);
        Assert.Equal(1, (await readers.App.GetPaperAsync(Paper))!.ReaderVotes);
        var store = readers.App.Services.GetRequiredService<ReaderStore>();
        var id = (await store.FindAsync("mallory@example.org"))!.Id;
        var link = await readers.App.Services.GetRequiredService<SignInLinks>().CreateAsync(id, TimeSpan.FromHours(1), readers.Email.Clock.GetUtcNow());

        var answer = await ReaderHarness.SubmitAsync(admin, "/admin", $"form:has(input[name=reader][value=\"{id}\"])");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.True((await store.FindAsync("mallory@example.org"))!.IsDisabled);
        Assert.Equal(0, (await readers.App.GetPaperAsync(Paper))!.ReaderVotes);
        Assert.Equal(HttpStatusCode.Redirect, (await mallory.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await readers.NewBrowser().GetAsync("/signin/link?token=" + link)).StatusCode);
        Assert.Single((await admin.GetPageAsync("/admin")).QuerySelectorAll("[data-audit] tr[data-action=disable-reader]"));

        // Enabled again, the vote (still on record) counts again.
        Assert.Equal(HttpStatusCode.Redirect, (await ReaderHarness.SubmitAsync(admin, "/admin", $"form:has(input[name=reader][value=\"{id}\"])")).StatusCode);
        Assert.Equal(1, (await readers.App.GetPaperAsync(Paper))!.ReaderVotes);
    }

    [Fact]
    public async Task AnAdmin_InvitesAReader_AndWithoutMailGetsTheLinkToPassOn()
    {
        await using var readers = await ReaderHarness.CreateAsync(s => s.Remove("Digest:Email:SmtpHost"));
        var admin = await readers.SignedInAsync("admin@example.org", admin: true);
        var answer = await ReaderHarness.SubmitAsync(admin, "/admin", "form.invite-form", new() { ["email"] = "grace@example.org" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await Html.ParseAsync(await answer.Content.ReadAsStringAsync());
        var link = new Uri(page.QuerySelector("[data-invite-link]")!.TextContent);
        var grace = readers.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await ReaderHarness.SubmitAsync(grace, link.PathAndQuery)).StatusCode);
        Assert.Equal("grace@example.org", (await grace.GetPageAsync("/account")).QuerySelector("[data-reader-email]")!.TextContent);
        Assert.Single((await admin.GetPageAsync("/admin")).QuerySelectorAll("[data-audit] tr[data-action=invite-reader]"));
    }

    private static async Task AssertNothingChangedAsync(ReaderHarness readers)
    {
        var paper = (await readers.App.GetPaperAsync(Paper))!;
        Assert.Equal(0, paper.ReaderVotes);
        Assert.Null(paper.FeaturedAt);
        Assert.Equal([new DateOnly(2025, 1, 13)], paper.DigestDays);
        Assert.Null(await readers.App.Services.GetRequiredService<ReaderStore>().FindAsync("mallory@example.org"));
        Assert.Empty(await readers.App.Services.GetRequiredService<CuratorLog>().RecentAsync(10));
        foreach (var reader in await readers.App.Services.GetRequiredService<ReaderStore>().ListAsync()) Assert.False(reader.IsDisabled);
    }

    private static Dictionary<string, string?> Fields(string form, string? token)
    {
        var fields = form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        if (token is not null) fields["__RequestVerificationToken"] = token;
        return fields;
    }
}

using System.Net;
using Digest.Core.Subscriptions;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Subscriptions;

/// <summary>Subscribe, confirm (double opt-in), manage and unsubscribe, against a real SMTP server.</summary>
public sealed class SubscriptionFlowTests
{
    [Fact]
    public async Task Subscribe_SendsOnlyAConfirmation_AndTheLinkConfirmsOnlyWhenThePersonPresses()
    {
        await using var email = await EmailHarness.CreateAsync();
        var answer = await email.SubscribeAsync("reader@example.org", "/search?topic=llm&code=1", "weekly");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Check your inbox", await answer.Content.ReadAsStringAsync());

        var mail = Assert.Single(await email.Smtp.WaitForAsync(1));
        Assert.Equal("reader@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Confirm", mail.Subject);
        Assert.False(string.IsNullOrEmpty(mail.TextBody!));
        Assert.False(string.IsNullOrEmpty(mail.HtmlBody!));
        var link = EmailHarness.LinkIn(mail, "/subscriptions/confirm");

        // Opening the link (as a mail scanner does) shows a button and confirms nothing.
        var page = await email.Client.GetPageAsync(link);
        Assert.NotNull(page.QuerySelector("button[data-confirm]"));
        var stored = Assert.Single(await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync());
        Assert.Equal(SubscriptionStatus.Pending, stored.Status);
        Assert.Equal("/search?topic=llm&code=1", stored.View);
        Assert.Equal(SubscriptionFrequency.Weekly, stored.Frequency);
        Assert.Equal(0, (await email.RunDueAsync()).Due);

        var confirmed = await email.SubmitAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var manage = await email.Client.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal("active", manage.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Equal("reader@example.org", manage.QuerySelector("[data-email]")!.TextContent);
        Assert.Equal("/search?topic=llm&code=1", manage.QuerySelector("a[data-view]")!.GetAttribute("href"));
        Assert.Single(email.Smtp.Messages);
    }

    [Fact]
    public async Task Subscribe_AnswersTheSameForNewAndSubscribedAddresses()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAndConfirmAsync("known@example.org");
        var known = await email.SubscribeAsync("known@example.org");
        var fresh = await email.SubscribeAsync("new@example.org");
        Assert.Equal(known.StatusCode, fresh.StatusCode);
        Assert.Equal(Outcome(await known.Content.ReadAsStringAsync()), Outcome(await fresh.Content.ReadAsStringAsync()));
        var mails = await email.Smtp.WaitForAsync(3);
        // The subscribed address is told so (with its manage link); only the new one gets a confirmation.
        Assert.Contains("/subscriptions/manage", mails.Single(m => m.To.Mailboxes.Single().Address == "known@example.org" && !(m.Subject ?? "").Contains("Confirm")).TextBody!);
    }

    [Fact]
    public async Task SubscribingAgainBeforeConfirming_SendsAFreshLinkThatOutlivesTheFirst()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAsync("slow@example.org");
        await email.Smtp.WaitForAsync(1);
        email.Clock.Advance(TimeSpan.FromHours(47));
        await email.SubscribeAsync("slow@example.org", frequency: "weekly");
        var second = EmailHarness.LinkIn((await email.Smtp.WaitForAsync(2))[1], "/subscriptions/confirm");
        email.Clock.Advance(TimeSpan.FromHours(2)); // the first link has expired, the second has not
        Assert.Equal(HttpStatusCode.Redirect, (await email.SubmitAsync(second)).StatusCode);
        var subscription = Assert.Single(await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync());
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal(SubscriptionFrequency.Weekly, subscription.Frequency);
    }

    [Fact]
    public async Task ManagePage_ChangesFrequency_PausesResumes_AndDeletes()
    {
        await using var email = await EmailHarness.CreateAsync();
        var manage = await email.SubscribeAndConfirmAsync("owner@example.org");
        var store = email.App.Services.GetRequiredService<SubscriptionStore>();
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + manage).Query)["token"].ToString();

        var page = await email.Client.GetPageAsync(manage);
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var changed = await email.PostAsync("/subscriptions/manage?handler=Frequency", new() { ["__RequestVerificationToken"] = antiforgery, ["token"] = token, ["frequency"] = "weekly" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(SubscriptionFrequency.Weekly, (await store.ListAsync()).Single().Frequency);

        Assert.Equal(HttpStatusCode.Redirect, (await email.SubmitAsync(manage, "form:has(button[data-pause])")).StatusCode);
        Assert.Equal(SubscriptionStatus.Paused, (await store.ListAsync()).Single().Status);
        Assert.Equal(HttpStatusCode.Redirect, (await email.SubmitAsync(manage, "form:has(button[data-resume])")).StatusCode);
        Assert.Equal(SubscriptionStatus.Active, (await store.ListAsync()).Single().Status);

        var deleted = await email.SubmitAsync(manage, "form:has(button[data-delete])");
        Assert.Contains("data-deleted", await deleted.Content.ReadAsStringAsync());
        Assert.Empty(await store.ListAsync());
        using var gone = await email.Client.GetAsync(manage);
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
    }

    [Fact]
    public async Task WithoutSmtpHost_TheFormSaysEmailIsNotSetUp()
    {
        using var app = await TestCorpus.CreateAppAsync();
        using var client = app.CreateClient();
        foreach (var path in new[] { "/search?q=language", "/topics/llm" })
        {
            var page = await client.GetPageAsync(path);
            Assert.Contains("not set up on this instance", page.QuerySelector("[data-subscribe] [data-email-off]")!.TextContent);
            Assert.Null(page.QuerySelector("form.subscribe-form"));
        }
    }

    [Fact]
    public async Task TopicPage_SubscribesToTheTopicView()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAndConfirmAsync("topic@example.org", "/topics/llm?q=agents&sort=oldest");
        Assert.Equal("/topics/llm?q=agents", (await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync()).Single().View);
    }

    private static string? Outcome(string html) => System.Text.RegularExpressions.Regex.Match(html, "data-outcome=\"([a-z-]+)\"").Groups[1].Value;
}

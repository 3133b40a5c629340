using System.Net;
using Digest.Core.Subscriptions;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Subscriptions;

/// <summary>The digest itself: what it lists, how it is built, once per period, and one-click unsubscribe.</summary>
public sealed class DigestMailTests
{
    [Fact]
    public async Task Digest_ListsOnlyPapersNewToTheView_NewestFirst_AsPlainTextAndEncodedHtml()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAndConfirmAsync("reader@example.org");
        email.Clock.Advance(TimeSpan.FromMinutes(5));
        await email.IngestAsync(
            ("2611.00001", "Tool-using language model agents", ["llm", "agents"]),
            ("2611.00002", "<script>alert(1)</script> Hostile language model title & more", ["llm"]),
            ("2611.00003", "Diffusion for video", ["diffusion"]));

        // Still the confirmation's period: nothing yet.
        Assert.Equal(0, (await email.RunDueAsync()).Due);
        email.Clock.Advance(TimeSpan.FromDays(1));
        var report = await email.RunDueAsync();
        Assert.Equal(1, report.Sent);

        var digest = (await email.Smtp.WaitForAsync(2))[1];
        Assert.Equal("reader@example.org", digest.To.Mailboxes.Single().Address);
        Assert.Contains("2 new papers", digest.Subject);
        var text = digest.TextBody!;
        Assert.Contains("Tool-using language model agents", text);
        Assert.Contains("<script>alert(1)</script> Hostile", text); // plain text is plain
        Assert.DoesNotContain("Diffusion for video", text);
        Assert.DoesNotContain("Fine-tuning large language models", text); // in the view, but there before confirming
        Assert.Contains("http://digest.test/papers/2611.00001", text);
        Assert.Contains("https://arxiv.org/abs/2611.00001", text);
        Assert.Contains("https://github.com/example/2611.00001", text);
        Assert.Contains("http://digest.test/subscriptions/manage?token=", text);
        Assert.Contains("http://digest.test/subscriptions/unsubscribe?token=", text);

        var html = digest.HtmlBody!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Hostile", html);
        Assert.Contains("title &amp; more", html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("style=\"", html);
        Assert.Contains("href=\"http://digest.test/search?topic=llm\"", html);

        var listUnsubscribe = digest.Headers["List-Unsubscribe"];
        Assert.StartsWith("<http://digest.test/subscriptions/one-click?token=", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("multipart/alternative", digest.Body!.ContentType.MimeType);

        // Once per period: a second run the same day sends nothing, even with a new paper.
        await email.IngestAsync(("2611.00004", "Language model reasoning with graphs", ["llm"]));
        Assert.Equal(0, (await email.RunDueAsync()).Due);
        email.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await email.RunDueAsync()).Sent);
        var next = (await email.Smtp.WaitForAsync(3))[2];
        Assert.Contains("Language model reasoning with graphs", next.TextBody!);
        Assert.DoesNotContain("Tool-using language model agents", next.TextBody!); // never twice
        Assert.Contains("1 new paper", next.Subject);
    }

    [Fact]
    public async Task NothingNew_NothingSent()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAndConfirmAsync("quiet@example.org");
        email.Clock.Advance(TimeSpan.FromMinutes(5));
        await email.IngestAsync(("2611.00010", "Diffusion for audio", ["diffusion"])); // not in the view
        email.Clock.Advance(TimeSpan.FromDays(1));
        var report = await email.RunDueAsync();
        Assert.Equal(1, report.NothingNew);
        Assert.Equal(0, report.Sent);
        await Task.Delay(300);
        Assert.Single(email.Smtp.Messages); // the confirmation only
    }

    [Fact]
    public async Task Weekly_IsSentOncePerIsoWeek()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAndConfirmAsync("weekly@example.org", frequency: "weekly");
        email.Clock.Advance(TimeSpan.FromMinutes(5));
        await email.IngestAsync(("2611.00020", "Weekly language model news", ["llm"]));
        email.Clock.Advance(TimeSpan.FromDays(1)); // Wednesday: same ISO week as the confirmation
        Assert.Equal(0, (await email.RunDueAsync()).Due);
        email.Clock.Advance(TimeSpan.FromDays(5)); // the next Monday after 07:00
        Assert.Equal(1, (await email.RunDueAsync()).Sent);
        Assert.Contains("Weekly language model news", (await email.Smtp.WaitForAsync(2))[1].TextBody!);
    }

    [Fact]
    public async Task OneClickUnsubscribe_ByTheHeadersPost_WorksWithoutCookiesOrAntiforgery()
    {
        await using var email = await EmailHarness.CreateAsync();
        var digest = await FirstDigestAsync(email);
        var target = new Uri(digest.Headers["List-Unsubscribe"]!.Trim('<', '>'));

        // A mail client's POST: no cookies, no antiforgery token, just the RFC 8058 body.
        using var client = email.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var get = await client.GetAsync(target.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode); // a GET only leads to the confirmation page
        Assert.StartsWith("/subscriptions/unsubscribe?token=", get.Headers.Location!.OriginalString);
        Assert.Single(await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync());

        using var post = await client.PostAsync(target.PathAndQuery, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Empty(await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync());

        await email.IngestAsync(("2611.00031", "Another language model paper", ["llm"]));
        email.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await email.RunDueAsync()).Due);
        using var again = await client.PostAsync(target.PathAndQuery, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task UnsubscribeLink_GetOnlyAsks_ThePostUnsubscribes()
    {
        await using var email = await EmailHarness.CreateAsync();
        var digest = await FirstDigestAsync(email);
        var link = EmailHarness.LinkIn(digest, "/subscriptions/unsubscribe");
        var store = email.App.Services.GetRequiredService<SubscriptionStore>();

        var page = await email.Client.GetPageAsync(link);
        Assert.NotNull(page.QuerySelector("button[data-unsubscribe]"));
        Assert.Single(await store.ListAsync());

        var done = await email.SubmitAsync(link);
        Assert.Contains("data-unsubscribed", await done.Content.ReadAsStringAsync());
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task StopBetweenSubscriptions_ResendsNothing_AndSkipsNothing()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAndConfirmAsync("first@example.org");
        await email.SubscribeAndConfirmAsync("second@example.org");
        email.Clock.Advance(TimeSpan.FromMinutes(5));
        await email.IngestAsync(("2611.00040", "Language models under interruption", ["llm"]));
        email.Clock.Advance(TimeSpan.FromDays(1));

        // The run is stopped the moment the first digest is handed over: the process goes down before the second.
        using var stop = new CancellationTokenSource();
        email.Smtp.BeforeAccept = (number, _) =>
        {
            if (number == 3) stop.Cancel();
            return Task.CompletedTask;
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => email.RunDueAsync(stop.Token));
        email.Smtp.BeforeAccept = null;
        Assert.Equal(3, email.Smtp.Messages.Count);

        var rerun = await email.RunDueAsync();
        Assert.Equal(1, rerun.Due);
        Assert.Equal(1, rerun.Sent);
        var digests = (await email.Smtp.WaitForAsync(4)).Skip(2).ToList();
        Assert.Equal(["first@example.org", "second@example.org"], digests.Select(d => d.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task SmtpDown_IsRetriedWithBackoff_VisibleInStatus_AndSentWhenBack()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAndConfirmAsync("one@example.org");
        await email.SubscribeAndConfirmAsync("two@example.org");
        email.Clock.Advance(TimeSpan.FromMinutes(5));
        await email.IngestAsync(("2611.00050", "Language models and flaky servers", ["llm"]));
        email.Clock.Advance(TimeSpan.FromDays(1));

        await email.Smtp.StopAsync();
        var failed = await email.RunDueAsync();
        Assert.Equal(2, failed.Failed); // one failure does not stop the other subscription's attempt
        using (var status = System.Text.Json.JsonDocument.Parse(await email.Client.GetStringAsync("/api/status")))
        {
            var digests = status.RootElement.GetProperty("emailDigests");
            Assert.Equal(2, digests.GetProperty("failing").GetInt32());
            Assert.False(string.IsNullOrEmpty(digests.GetProperty("lastError").GetString()));
        }

        await email.Smtp.StartAsync();
        Assert.Equal(0, (await email.RunDueAsync()).Due); // waiting for the backoff
        email.Clock.Advance(TimeSpan.FromMinutes(1));
        var back = await email.RunDueAsync();
        Assert.Equal(2, back.Sent);
        Assert.Equal(2, (await email.Smtp.WaitForAsync(4)).Count(m => m.TextBody!.Contains("flaky", StringComparison.Ordinal)));
        using var after = System.Text.Json.JsonDocument.Parse(await email.Client.GetStringAsync("/api/status"));
        Assert.Equal(0, after.RootElement.GetProperty("emailDigests").GetProperty("failing").GetInt32());
        Assert.Equal(2, after.RootElement.GetProperty("emailDigests").GetProperty("digestsSent").GetInt32());
    }

    [Fact]
    public async Task Backoff_DoublesAndIsCapped()
    {
        await using var email = await EmailHarness.CreateAsync();
        var runner = email.App.Services.GetRequiredService<Digest.Web.Subscriptions.DigestMailRunner>();
        Assert.Equal(TimeSpan.FromMinutes(1), runner.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(4), runner.RetryDelay(3));
        Assert.Equal(TimeSpan.FromHours(6), runner.RetryDelay(30));
    }

    private static async Task<MimeKit.MimeMessage> FirstDigestAsync(EmailHarness email)
    {
        await email.SubscribeAndConfirmAsync("reader@example.org");
        email.Clock.Advance(TimeSpan.FromMinutes(5));
        await email.IngestAsync(("2611.00030", "A language model paper", ["llm"]));
        email.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await email.RunDueAsync()).Sent);
        return (await email.Smtp.WaitForAsync(2))[1];
    }
}

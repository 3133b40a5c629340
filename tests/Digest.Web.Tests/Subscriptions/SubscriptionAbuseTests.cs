using System.Net;
using Digest.Core.Configuration;
using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Subscriptions;

/// <summary>The subscribe form sends mail to any address typed into it: limits, hostile input, tokens and redirects.</summary>
public sealed class SubscriptionAbuseTests
{
    [Fact]
    public async Task RateLimit_PerClientIp_AnswersTooManyRequests()
    {
        await using var email = await EmailHarness.CreateAsync();
        for (var i = 0; i < SubscriptionLimits.SubscribesPerIpPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await email.SubscribeAsync($"reader{i}@example.org")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await email.SubscribeAsync("one-more@example.org")).StatusCode);
        email.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await email.SubscribeAsync("later@example.org")).StatusCode);
    }

    [Fact]
    public async Task RateLimit_PerAddress_SendsNoMoreMail_AndAnswersTheSame()
    {
        await using var email = await EmailHarness.CreateAsync();
        var views = new[] { "/search?q=agents", "/search?q=diffusion", "/search?q=robots", "/search?q=graphs", "/topics/llm" };
        foreach (var view in views)
        {
            var answer = await email.SubscribeAsync("target@example.org", view);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("data-outcome=\"accepted\"", await answer.Content.ReadAsStringAsync());
        }
        await email.Smtp.WaitForAsync(SubscriptionLimits.MailsPerAddressPerDay);
        await Task.Delay(1000);
        Assert.Equal(SubscriptionLimits.MailsPerAddressPerDay, email.Smtp.Messages.Count);
    }

    [Fact]
    public async Task CapPerAddress_AddsNoMoreSubscriptions()
    {
        await using var email = await EmailHarness.CreateAsync(s => s["Digest:Email:MaxSubscriptionsPerAddress"] = "2");
        foreach (var view in new[] { "/search?q=agents", "/search?q=diffusion", "/search?q=robots" })
        {
            Assert.Equal(HttpStatusCode.OK, (await email.SubscribeAsync("capped@example.org", view)).StatusCode);
        }
        Assert.Equal(2, (await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync()).Count);
    }

    [Theory]
    [InlineData("victim@example.org\r\nBcc: everyone@example.org")]
    [InlineData("victim@example.org\nSubject: hi")]
    [InlineData("Victim <victim@example.org>")]
    [InlineData("victim@example.org, other@example.org")]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task HostileAddress_IsRefused_AndNothingIsSent(string address)
    {
        await using var email = await EmailHarness.CreateAsync();
        var answer = await email.SubscribeAsync(address);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("data-outcome=\"invalid-address\"", await answer.Content.ReadAsStringAsync());
        await Task.Delay(300);
        Assert.Empty(email.Smtp.Messages);
        Assert.Empty(await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync());
    }

    [Fact]
    public async Task OversizedFields_AreRefused()
    {
        await using var email = await EmailHarness.CreateAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await email.SubscribeAsync(new string('a', 300) + "@example.org")).StatusCode);
        var page = await email.Client.GetPageAsync("/search?q=agents");
        var token = page.QuerySelector("form.subscribe-form input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var huge = await email.PostAsync("/subscriptions/subscribe", new() { ["__RequestVerificationToken"] = token, ["email"] = "a@example.org", ["view"] = "/search?q=" + new string('x', 100_000) });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var frequency = await email.PostAsync("/subscriptions/subscribe", new() { ["__RequestVerificationToken"] = token, ["email"] = "a@example.org", ["view"] = "/search", ["frequency"] = "hourly" });
        Assert.Equal(HttpStatusCode.BadRequest, frequency.StatusCode);
        await Task.Delay(300);
        Assert.Empty(email.Smtp.Messages);
    }

    [Fact]
    public async Task SubscribePost_WithoutAntiforgeryToken_IsRefused()
    {
        await using var email = await EmailHarness.CreateAsync();
        var answer = await email.PostAsync("/subscriptions/subscribe", new() { ["email"] = "a@example.org", ["view"] = "/search?q=agents" });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Empty(await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync());
    }

    [Theory]
    [InlineData("//evil.example/search")]
    [InlineData("https://evil.example/search?q=x")]
    [InlineData("/\\evil.example/search")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/papers/2501.00001")]
    [InlineData("/topics/no-such-topic")]
    public async Task OpenRedirectAndForeignViews_AreNotFollowable(string view)
    {
        await using var email = await EmailHarness.CreateAsync();
        var page = await email.Client.GetPageAsync("/search?q=agents");
        var token = page.QuerySelector("form.subscribe-form input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var answer = await email.PostAsync("/subscriptions/subscribe", new() { ["__RequestVerificationToken"] = token, ["email"] = "a@example.org", ["view"] = view });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"invalid-view\"", html);
        Assert.DoesNotContain("evil.example", html);
        Assert.Null(answer.Headers.Location);

        using var get = await email.Client.GetAsync("/subscriptions/subscribe?view=" + Uri.EscapeDataString(view));
        Assert.DoesNotContain("evil.example", await get.Content.ReadAsStringAsync());
        using var oneClick = await email.Client.GetAsync("/subscriptions/one-click?token=" + Uri.EscapeDataString(view));
        Assert.StartsWith("/subscriptions/unsubscribe", oneClick.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BadTokens_AreOneAnswer_AndChangeNothing()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAsync("pending@example.org");
        var confirm = EmailHarness.LinkIn((await email.Smtp.WaitForAsync(1))[0], "/subscriptions/confirm");
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + confirm).Query)["token"].ToString();
        var parts = token.Split('.');
        var forged = new[]
        {
            "",
            "garbage",
            string.Join('.', parts[0], parts[1], "0", parts[3]), // expiry removed
            string.Join('.', parts[0], "999", parts[2], parts[3]), // another id
            string.Join('.', parts[0], parts[1], parts[2], parts[3][..^2] + (parts[3][^1] == 'A' ? "BB" : "AA")), // tampered mac
            string.Join('.', "m", parts[1], parts[2], parts[3]), // a confirmation token used as a manage token
            new string('x', 5000),
        };
        foreach (var bad in forged)
        {
            foreach (var path in new[] { "/subscriptions/confirm", "/subscriptions/manage", "/subscriptions/unsubscribe" })
            {
                using var response = await email.Client.GetAsync(path + "?token=" + Uri.EscapeDataString(bad));
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("data-invalid-link", await response.Content.ReadAsStringAsync());
            }
            using var post = await email.Client.PostAsync("/subscriptions/one-click?token=" + Uri.EscapeDataString(bad), new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        }
        Assert.Equal(SubscriptionStatus.Pending, (await email.App.Services.GetRequiredService<SubscriptionStore>().ListAsync()).Single().Status);
        // The genuine link still works.
        Assert.Equal(HttpStatusCode.Redirect, (await email.SubmitAsync(confirm)).StatusCode);
    }

    [Fact]
    public async Task ExpiredConfirmationLink_DoesNotConfirm()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAsync("late@example.org");
        var confirm = EmailHarness.LinkIn((await email.Smtp.WaitForAsync(1))[0], "/subscriptions/confirm");
        var page = await email.Client.GetPageAsync(confirm);
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var token = page.QuerySelector("input[name=token]")!.GetAttribute("value");

        email.Clock.Advance(TimeSpan.FromHours(49));
        using var get = await email.Client.GetAsync(confirm);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        var post = await email.PostAsync("/subscriptions/confirm", new() { ["__RequestVerificationToken"] = antiforgery, ["token"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var store = email.App.Services.GetRequiredService<SubscriptionStore>();
        Assert.NotEqual(SubscriptionStatus.Active, (await store.ListAsync()).SingleOrDefault()?.Status);
    }

    [Fact]
    public async Task RateLimit_OnConfirmationLinks_PerClientIp()
    {
        await using var email = await EmailHarness.CreateAsync();
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i <= SubscriptionLimits.LinkRequestsPerIpPerHour; i++)
        {
            using var response = await email.Client.GetAsync("/subscriptions/confirm?token=c.1.0.x");
            last = response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task TokenKey_IsCreatedOnFirstUse_ReadableOnlyByTheOwner()
    {
        await using var email = await EmailHarness.CreateAsync();
        await email.SubscribeAsync("key@example.org");
        var key = Path.Combine(email.App.DataDirectory, SubscriptionTokens.KeyFileName);
        Assert.Equal(32, new FileInfo(key).Length);
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    [Fact]
    public void EmailSettings_AreValidatedAtStart_WithMessagesNamingTheSetting()
    {
        var options = new DigestOptions
        {
            Email = new EmailOptions { SmtpHost = "bad host!", SmtpPort = 0, Security = (EmailSecurity)7, UserName = "me", From = "nobody", SendAt = TimeSpan.FromHours(25) },
        };
        var result = new DigestOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        var messages = string.Join("\n", result.Failures!);
        foreach (var setting in new[] { "Digest:Email:SmtpHost", "Digest:Email:SmtpPort", "Digest:Email:Security", "Digest:Email:Password", "Digest:Email:From", "Digest:Email:SendAt", "Digest:PublicBaseUrl" })
        {
            Assert.Contains(setting, messages);
        }
        Assert.False(new DigestOptionsValidator().Validate(null, new DigestOptions()).Failed); // no host: email is simply off
    }
}

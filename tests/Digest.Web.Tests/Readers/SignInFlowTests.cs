using System.Net;
using Digest.Core.Readers;
using Digest.Web.Tests.Subscriptions;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Readers;

/// <summary>Passwordless sign-in through a real SMTP server: the mailed link, its single use and expiry, sessions, signing out.</summary>
public sealed class SignInFlowTests
{
    [Fact]
    public async Task MailedLink_AsksBeforeSigningIn_SignsInOnce_AndTheAccountShowsTheReader()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        await readers.App.Services.GetRequiredService<ReaderStore>().EnsureAsync("ada@example.org", admin: false, readers.Email.Clock.GetUtcNow());
        var browser = readers.NewBrowser();

        var asked = await ReaderHarness.SubmitAsync(browser, "/signin", "form.signin-form", new() { ["email"] = "Ada@Example.org" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("data-outcome=\"accepted\"", await asked.Content.ReadAsStringAsync());
        var mail = Assert.Single(await readers.Email.Smtp.WaitForAsync(1));
        Assert.Equal("ada@example.org", mail.To.Mailboxes.Single().Address);
        var link = EmailHarness.LinkIn(mail, "/signin/link");

        // Opening the link (a mail scanner does) spends nothing; pressing the button signs in.
        var page = await browser.GetPageAsync(link);
        Assert.NotNull(page.QuerySelector("[data-signin-button]"));
        Assert.NotNull((await browser.GetPageAsync(link)).QuerySelector("[data-signin-button]"));
        var signedIn = await ReaderHarness.SubmitAsync(browser, link);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("digest_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var account = await browser.GetPageAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Equal("ada@example.org", account.QuerySelector("[data-reader-email]")!.TextContent);
        Assert.NotNull(account.QuerySelector("[data-signed-in]"));

        // The same link again, in another browser: gone.
        var other = readers.NewBrowser();
        Assert.Equal(HttpStatusCode.Gone, (await other.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task ExpiredLink_DoesNotSignIn()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var reader = await readers.App.Services.GetRequiredService<ReaderStore>().EnsureAsync("late@example.org", admin: false, readers.Email.Clock.GetUtcNow());
        var token = await readers.App.Services.GetRequiredService<SignInLinks>().CreateAsync(reader.Id, TimeSpan.FromMinutes(30), readers.Email.Clock.GetUtcNow());
        var browser = readers.NewBrowser();
        var page = await browser.GetPageAsync("/signin/link?token=" + token);
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        readers.Email.Clock.Advance(TimeSpan.FromMinutes(31));
        var answer = await ReaderHarness.PostAsync(browser, "/signin/link", new() { ["__RequestVerificationToken"] = antiforgery, ["token"] = token });
        Assert.Equal(HttpStatusCode.Gone, answer.StatusCode);
        Assert.False(answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("digest_session=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("'; DROP TABLE readers; --AAAAAAAAAAAAAAAAAAA")]
    public async Task ForgedOrMalformedTokens_AreGone(string token)
    {
        await using var readers = await ReaderHarness.CreateAsync();
        await readers.SignedInAsync("someone@example.org");
        var answer = await readers.NewBrowser().GetAsync("/signin/link?token=" + Uri.EscapeDataString(token));
        Assert.Equal(HttpStatusCode.Gone, answer.StatusCode);
        Assert.DoesNotContain("data-signin-button", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InviteMode_AnswersTheSameForKnownAndUnknownAddresses_AndMailsOnlyTheKnown()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        await readers.App.Services.GetRequiredService<ReaderStore>().EnsureAsync("known@example.org", admin: false, readers.Email.Clock.GetUtcNow());
        var known = await ReaderHarness.SubmitAsync(readers.NewBrowser(), "/signin", "form.signin-form", new() { ["email"] = "known@example.org" });
        var unknown = await ReaderHarness.SubmitAsync(readers.NewBrowser(), "/signin", "form.signin-form", new() { ["email"] = "stranger@example.org" });
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Notice(await known.Content.ReadAsStringAsync()), Notice(await unknown.Content.ReadAsStringAsync()));
        var mail = Assert.Single(await readers.Email.Smtp.WaitForAsync(1));
        Assert.Equal("known@example.org", mail.To.Mailboxes.Single().Address);
        await Task.Delay(300);
        Assert.Single(readers.Email.Smtp.Messages);
        Assert.Null(await readers.App.Services.GetRequiredService<ReaderStore>().FindAsync("stranger@example.org"));
    }

    [Fact]
    public async Task OpenMode_AnyAddressGetsALink_AndBecomesAReaderByUsingIt()
    {
        await using var readers = await ReaderHarness.CreateAsync(s => s["Digest:Community:SignUp"] = "open");
        var browser = readers.NewBrowser();
        await ReaderHarness.SubmitAsync(browser, "/signin", "form.signin-form", new() { ["email"] = "new@example.org" });
        var mail = Assert.Single(await readers.Email.Smtp.WaitForAsync(1));
        Assert.Equal(HttpStatusCode.Redirect, (await ReaderHarness.SubmitAsync(browser, EmailHarness.LinkIn(mail, "/signin/link"))).StatusCode);
        Assert.Equal("new@example.org", (await browser.GetPageAsync("/account")).QuerySelector("[data-reader-email]")!.TextContent);
    }

    [Fact]
    public async Task SignInRequests_AreLimitedPerAddress_WithTheSameAnswer()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        await readers.App.Services.GetRequiredService<ReaderStore>().EnsureAsync("busy@example.org", admin: false, readers.Email.Clock.GetUtcNow());
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var answer = await ReaderHarness.SubmitAsync(readers.NewBrowser(), "/signin", "form.signin-form", new() { ["email"] = "busy@example.org" });
            answers.Add(Notice(await answer.Content.ReadAsStringAsync()));
        }
        Assert.Single(answers.Distinct());
        await readers.Email.Smtp.WaitForAsync(3);
        await Task.Delay(300);
        Assert.Equal(3, readers.Email.Smtp.Messages.Count);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEveryBrowsersSession()
    {
        await using var readers = await ReaderHarness.CreateAsync();
        var laptop = await readers.SignedInAsync("ada@example.org");
        var phone = await readers.SignedInAsync("ada@example.org");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account")).StatusCode);

        var answer = await ReaderHarness.SubmitAsync(laptop, "/account", "form[action*=SignOutEverywhere]");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task SessionsExpire_AfterTheirLifetime()
    {
        await using var readers = await ReaderHarness.CreateAsync(s => s["Digest:Community:SessionLifetime"] = "01:00:00");
        var browser = await readers.SignedInAsync("ada@example.org");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        readers.Email.Clock.Advance(TimeSpan.FromMinutes(61));
        var answer = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", answer.Headers.Location!.OriginalString);
    }

    private static string Notice(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<p class=\"notice\"[^>]*>(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
}

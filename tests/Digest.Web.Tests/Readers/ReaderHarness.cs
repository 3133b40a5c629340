using System.Net;
using Digest.Core.Readers;
using Digest.Web.Tests.Subscriptions;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Readers;

/// <summary>
/// Readers on the real app (<see cref="EmailHarness"/>: test corpus, real SMTP server, fake clock). Each browser is its
/// own client with its own cookies; signing one in goes through the real link page and its form.
/// </summary>
public sealed class ReaderHarness : IAsyncDisposable
{
    private readonly List<HttpClient> _browsers = [];

    private ReaderHarness(EmailHarness email) => Email = email;

    public EmailHarness Email { get; }

    public DigestAppFactory App => Email.App;

    /// <summary>
    /// The fake clock starts at the real time: the test client's cookie jar judges cookie expiry by the real clock, so
    /// a session cookie written on a clock in the past would already be expired there.
    /// </summary>
    public static async Task<ReaderHarness> CreateAsync(Action<Dictionary<string, string?>>? settings = null) =>
        new(await EmailHarness.CreateAsync(settings, DateTimeOffset.UtcNow));

    /// <summary>A new browser: keeps its cookies, does not follow redirects.</summary>
    public HttpClient NewBrowser()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        _browsers.Add(client);
        return client;
    }

    /// <summary>A new browser signed in as <paramref name="email"/> (created, or made admin, as <c>users invite</c> does).</summary>
    public async Task<HttpClient> SignedInAsync(string email, bool admin = false)
    {
        var browser = NewBrowser();
        var reader = await App.Services.GetRequiredService<ReaderStore>().EnsureAsync(email, admin, Email.Clock.GetUtcNow());
        var token = await App.Services.GetRequiredService<SignInLinks>().CreateAsync(reader.Id, TimeSpan.FromMinutes(30), Email.Clock.GetUtcNow());
        var answer = await SubmitAsync(browser, "/signin/link?token=" + token);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return browser;
    }

    /// <summary>Opens <paramref name="page"/> and posts its form (hidden fields and antiforgery token) with <paramref name="fields"/> set.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string page, string formSelector = "main form", Dictionary<string, string?>? fields = null, string? accept = null)
    {
        var html = await browser.GetPageAsync(page);
        var form = html.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {page}:\n{html.Body?.TextContent}");
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        foreach (var (key, value) in fields ?? []) values[key] = value;
        var action = form.GetAttribute("action");
        return await PostAsync(browser, string.IsNullOrEmpty(action) ? page : WebUtility.HtmlDecode(action), values, accept);
    }

    /// <summary>The antiforgery token a page gives this browser (any form's), for posts made by hand.</summary>
    public static async Task<string> AntiforgeryAsync(HttpClient browser, string page = "/signin")
    {
        var html = await browser.GetPageAsync(page);
        return html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("no antiforgery token on " + page);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string?> fields, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!))),
        };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await browser.SendAsync(request);
    }

    /// <summary>Posts a reader action (<c>/actions/vote</c>, <c>/actions/save</c>) the way the page's buttons do.</summary>
    public static async Task<HttpResponseMessage> ActAsync(HttpClient browser, string action, string paperId, bool on, string? returnUrl = null, string? accept = null)
    {
        var token = await AntiforgeryAsync(browser, "/account");
        return await PostAsync(browser, "/actions/" + action, new()
        {
            ["__RequestVerificationToken"] = token,
            ["paper"] = paperId,
            ["on"] = on ? "true" : "false",
            ["returnUrl"] = returnUrl,
        }, accept);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in _browsers) browser.Dispose();
        await Email.DisposeAsync();
    }
}

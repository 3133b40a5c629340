using System.Net;
using System.Text.RegularExpressions;
using Digest.Web.Hosting;
using Digest.Web.Subscriptions;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Digest.Web.Tests.Subscriptions;

/// <summary>
/// The real app over <see cref="TestCorpus"/>, sending through a real SMTP server on 127.0.0.1, on a fake clock
/// (08:00 UTC, after the 07:00 run). The scheduled sender is left out: each test runs the due sends itself.
/// </summary>
public sealed class EmailHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private EmailHarness(TestSmtpServer smtp, FakeTimeProvider clock, DigestAppFactory app)
    {
        Smtp = smtp;
        Clock = clock;
        App = app;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
    }

    public TestSmtpServer Smtp { get; }

    public FakeTimeProvider Clock { get; }

    public DigestAppFactory App { get; }

    /// <summary>A browser-like client: it keeps cookies (antiforgery) and does not follow redirects.</summary>
    public HttpClient Client { get; }

    /// <param name="settings">Changes to the settings.</param>
    /// <param name="start">The fake clock's start; <see cref="Start"/> by default.</param>
    public static async Task<EmailHarness> CreateAsync(Action<Dictionary<string, string?>>? settings = null, DateTimeOffset? start = null)
    {
        var smtp = await TestSmtpServer.StartNewAsync();
        var clock = new FakeTimeProvider(start ?? Start);
        var all = smtp.Settings();
        settings?.Invoke(all);
        var app = new DigestAppFactory(all, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            var scheduled = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DigestMailService));
            services.Remove(scheduled);
        });
        var report = await app.IngestAsync("corpus.jsonl", TestCorpus.Jsonl);
        if (report.Added != 9) throw new InvalidOperationException("Test corpus not fully ingested:\n" + report.ToText());
        await app.AssignTopicsAsync(TestCorpus.Topics);
        return new EmailHarness(smtp, clock, app);
    }

    /// <summary>Opens <paramref name="page"/> and posts its subscribe form, as a person would.</summary>
    public async Task<HttpResponseMessage> SubscribeAsync(string email, string page = "/search?topic=llm", string frequency = "daily")
    {
        var html = await Client.GetPageAsync(page);
        var form = html.QuerySelector("form.subscribe-form")!;
        return await PostAsync(form.GetAttribute("action")!, new()
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"),
            ["view"] = form.QuerySelector("input[name=view]")!.GetAttribute("value"),
            ["email"] = email,
            ["frequency"] = frequency,
        });
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string?> fields) =>
        Client.PostAsync(path, new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!))));

    /// <summary>Opens a page with a form and presses its button: the form's fields and antiforgery token are sent back.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string formSelector = "main form")
    {
        var html = await Client.GetPageAsync(page);
        var form = html.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {page}:\n{html.Body?.TextContent}");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        var action = form.GetAttribute("action");
        return await PostAsync(string.IsNullOrEmpty(action) ? page : WebUtility.HtmlDecode(action), fields);
    }

    /// <summary>Subscribes, confirms through the mailed link and returns the path of the manage page.</summary>
    public async Task<string> SubscribeAndConfirmAsync(string email, string page = "/search?topic=llm", string frequency = "daily")
    {
        var before = Smtp.Messages.Count;
        (await SubscribeAsync(email, page, frequency)).EnsureSuccessStatusCode();
        var mail = (await Smtp.WaitForAsync(before + 1))[before];
        var confirmed = await SubmitAsync(LinkIn(mail, "/subscriptions/confirm"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return confirmed.Headers.Location!.OriginalString;
    }

    /// <summary>Ingests papers first stored now (JSON Lines objects as in <see cref="TestCorpus"/>) with the given topics.</summary>
    public async Task IngestAsync(params (string Id, string Title, string[] Topics)[] papers)
    {
        var lines = papers.Select(p => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["arxiv_id"] = p.Id,
            ["title"] = p.Title,
            ["abstract"] = "An abstract long enough to be a real one, about " + p.Title + ", with a method and results worth reading.",
            ["authors"] = new[] { "Ada Lovelace" },
            ["published"] = "2026-11-30",
            ["categories"] = new[] { "cs.CL" },
            ["code_urls"] = new[] { "https://github.com/example/" + p.Id },
        }));
        var report = await App.IngestAsync("new.jsonl", string.Join('\n', lines));
        Assert.True(report.Added == papers.Length, report.ToText());
        await App.AssignTopicsAsync(papers.ToDictionary(p => p.Id, p => p.Topics));
    }

    public Task<DigestRunReport> RunDueAsync(CancellationToken cancellationToken = default) =>
        App.Services.GetRequiredService<DigestMailRunner>().RunDueAsync(cancellationToken);

    /// <summary>The path and query of the first link in the mail's plain text that starts with <paramref name="path"/>.</summary>
    public static string LinkIn(MimeMessage mail, string path)
    {
        var match = Regex.Match(mail.TextBody!, "http://digest\\.test(" + Regex.Escape(path) + "[^\\s]*)");
        Assert.True(match.Success, $"No {path} link in:\n{mail.TextBody!}");
        return match.Groups[1].Value;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        await Smtp.DisposeAsync();
    }
}

using System.Net;
using Digest.Core.Readers;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Digest.Browser.Tests.Support;

/// <summary>
/// An app for reader tests, one per test class: Kestrel on 127.0.0.1 over the test corpus, sign-up open, mail through a
/// real SMTP server on 127.0.0.1 (links start at Digest:PublicBaseUrl, so tests open their path here), and arXiv
/// answered by a recorded API server. Tests in a class share it, so each uses its own readers and papers.
/// </summary>
public sealed class ReaderAppFixture : IAsyncLifetime
{
    public const string SubmittedId = "2403.01234";

    public TestSmtpServer Smtp { get; private set; } = null!;

    public RecordedApiServer Arxiv { get; private set; } = null!;

    public DigestAppFactory App { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartNewAsync();
        Arxiv = await RecordedApiServer.StartAsync();
        Arxiv.Script(ArxivResponses.QueryPath, ArxivResponses.Fixture("id-" + SubmittedId + ".xml"));
        var settings = ArxivResponses.Settings(Arxiv.BaseUrl, Smtp.Settings());
        settings["Digest:Community:SignUp"] = "open";
        App = new DigestAppFactory(settings);
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await App.IngestAsync("corpus.jsonl", TestCorpus.Jsonl);
        await App.AssignTopicsAsync(TestCorpus.Topics);
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>
    /// Signs <paramref name="page"/>'s context in as <paramref name="email"/> the way <c>users invite</c> does (the
    /// reader made, or made admin, and a link printed), pressing the link page's button.
    /// </summary>
    public async Task SignInAsync(IPage page, string email, bool admin = false)
    {
        var now = DateTimeOffset.UtcNow;
        var reader = await App.Services.GetRequiredService<ReaderStore>().EnsureAsync(email, admin, now);
        var token = await App.Services.GetRequiredService<SignInLinks>().CreateAsync(reader.Id, TimeSpan.FromMinutes(30), now);
        await page.GotoAsync(Url("/signin/link?token=" + Uri.EscapeDataString(token)));
        await page.ClickAsync("[data-signin-button]");
        await page.WaitForSelectorAsync("[data-nav-account]");
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Arxiv.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

using System.Net;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digest.Web.Tests.Pages;

public class PaperPageTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    [Fact]
    public async Task PaperPage_ShowsTheFacts_AndLinks()
    {
        var page = await _client.GetPageAsync("/papers/2501.00001");
        Assert.Equal("Fine-tuning large language models with low-rank adapters", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/search?author=Ada+Lovelace", page.QuerySelector(".paper-authors a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("a[href='/digests/2025-01-13']"));
        Assert.NotNull(page.QuerySelector("a[href='/topics/fine-tuning']"));
        Assert.NotNull(page.QuerySelector("a[href='/search?category=cs.CL']"));
        var pdf = page.QuerySelector("a[href='https://arxiv.org/pdf/2501.00001']")!;
        Assert.Equal("noopener noreferrer nofollow", pdf.GetAttribute("rel"));
        Assert.NotNull(page.QuerySelector("a[href='https://github.com/example/lora-study']"));
        Assert.Contains("@misc{", page.QuerySelector("pre.bibtex")!.TextContent);
        Assert.Equal(Html.TestBase + "/papers/2501.00001", page.Canonical());
        Assert.InRange(page.QuerySelectorAll(".related .paper").Length, 1, 5);
    }

    [Fact]
    public async Task ArrivingFromASearch_MarksTheQueryWordsInTheAbstract()
    {
        var page = await _client.GetPageAsync("/papers/2501.00001?q=adapters");
        Assert.Contains(page.QuerySelectorAll(".abstract mark"), m => m.TextContent == "adapters");
        var plain = await _client.GetPageAsync("/papers/2501.00001");
        Assert.Empty(plain.QuerySelectorAll(".abstract mark"));
    }

    [Fact]
    public async Task OldStyleId_WithASlash_HasAPage_AndBibTex()
    {
        var page = await _client.GetPageAsync("/papers/hep-th/9901001");
        Assert.Equal("String dualities in low dimensions", page.QuerySelector("h1")!.TextContent);
        var bib = await _client.GetAsync("/papers/hep-th/9901001.bib");
        Assert.Equal(HttpStatusCode.OK, bib.StatusCode);
        Assert.Equal("text/plain", bib.Content.Headers.ContentType!.MediaType);
        Assert.Contains("eprint = {hep-th/9901001}", await bib.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task VersionedId_RedirectsPermanently()
    {
        var response = await _client.GetAsync("/papers/2501.00001v2");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/papers/2501.00001", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/papers/2501.99999")]
    [InlineData("/papers/t-0123456789abcdef")]
    [InlineData("/papers/nonsense")]
    [InlineData("/papers/2501.99999.bib")]
    [InlineData("/papers/")]
    public async Task UnknownPaper_IsARealNotFoundPage(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString());
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TwoAuthorsOfOneName_AreBothShown_OnThePaperPageTheApiAndTheResultList()
    {
        using var app = new DigestAppFactory();
        await app.IngestAsync("h.jsonl", """{"arxiv_id": "2502.17823", "title": "Homonyms in author lists", "abstract": "Two people share a name.", "authors": ["Hui Liu", "Jane Doe", "Hui Liu"], "published": "2025-02-24"}""");
        using var client = app.CreateClient();
        string[] authors = ["Hui Liu", "Jane Doe", "Hui Liu"];

        var page = await client.GetPageAsync("/papers/2502.17823");
        using var api = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/papers/2502.17823"));
        var results = await client.GetPageAsync("/search?author=Hui+Liu");

        Assert.Equal(authors, page.QuerySelectorAll(".paper-authors .author").Select(a => a.TextContent));
        Assert.Equal(authors, api.RootElement.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(authors, results.QuerySelectorAll(".paper .author").Select(a => a.TextContent));
    }

    [Fact]
    public async Task FormerId_RedirectsPermanently_ToTheCurrentId()
    {
        using var app = new DigestAppFactory();
        await app.IngestAsync("a.jsonl", """{"title": "A paper first seen without its arXiv id", "abstract": "Some abstract text long enough.", "authors": ["X. Y"], "published": "2025-03-01"}""");
        await app.IngestAsync("b.jsonl", """{"arxiv_id": "2503.00042", "title": "A paper first seen without its arXiv id", "abstract": "Some abstract text long enough.", "authors": ["X. Y"], "published": "2025-03-01"}""");
        var oldId = Digest.Core.Papers.PaperId.FromTitle("A paper first seen without its arXiv id");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/papers/" + oldId);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/papers/2503.00042", response.Headers.Location!.OriginalString);
        var bib = await client.GetAsync("/papers/" + oldId + ".bib");
        Assert.Equal("/papers/2503.00042.bib", bib.Headers.Location!.OriginalString);
    }
}

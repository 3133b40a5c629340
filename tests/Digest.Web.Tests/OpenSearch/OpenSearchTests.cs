using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.OpenSearch;

/// <summary>Search from the address bar: the OpenSearch description and prefix suggestions.</summary>
public class OpenSearchTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    private readonly HttpClient _client = corpus.Client;

    [Fact]
    public async Task Description_IsOpenSearchXml_WithHtmlAtomAndSuggestionTemplates()
    {
        using var response = await _client.GetAsync("/opensearch.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/opensearchdescription+xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.Root!;
        Assert.Equal(OpenSearch + "OpenSearchDescription", root.Name);
        Assert.Equal("Digest", root.Element(OpenSearch + "ShortName")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(OpenSearch + "Description")!.Value));
        Assert.Equal("UTF-8", root.Element(OpenSearch + "InputEncoding")!.Value);
        var templates = root.Elements(OpenSearch + "Url").ToDictionary(u => u.Attribute("type")!.Value, u => u.Attribute("template")!.Value);
        Assert.Equal("http://localhost/search?q={searchTerms}", templates["text/html"]);
        Assert.Equal("http://localhost/feeds/search?q={searchTerms}", templates["application/atom+xml"]);
        Assert.Equal("http://localhost/api/suggest?q={searchTerms}", templates["application/x-suggestions+json"]);
    }

    [Fact]
    public async Task DescriptionTemplates_Work()
    {
        Assert.True((await _client.GetPageAsync("/search?q=diffusion")).Total() > 0);
        Assert.NotEmpty((await _client.GetFeedAsync("/feeds/search?q=diffusion")).Feed.Items);
        Assert.NotEmpty((await Suggest("diff"))[1].EnumerateArray());
    }

    [Fact]
    public async Task Suggest_HasTheOpenSearchSuggestionsShape()
    {
        using var response = await _client.GetAsync("/api/suggest?q=lang");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-suggestions+json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, answer.ValueKind);
        Assert.Equal(4, answer.GetArrayLength());
        Assert.Equal("lang", answer[0].GetString());
        var count = answer[1].GetArrayLength();
        Assert.InRange(count, 1, 10);
        Assert.Equal(count, answer[2].GetArrayLength());
        Assert.Equal(count, answer[3].GetArrayLength());
        Assert.All(answer[3].EnumerateArray(), url => Assert.StartsWith("http://localhost/", url.GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggest_CompletesATitle_ToItsPaperPage()
    {
        var answer = await Suggest("fine-tuning LARGE");
        var (text, description, url) = Entries(answer).Single(e => e.Description == "Paper");
        Assert.Equal("Fine-tuning large language models with low-rank adapters", text);
        Assert.Equal("http://localhost/papers/2501.00001", url);
    }

    [Theory]
    [InlineData("grace")]
    [InlineData("hopp")]
    [InlineData("Grace H")]
    public async Task Suggest_CompletesAnAuthor_FromAnyPartOfTheName(string prefix)
    {
        var entries = Entries(await Suggest(prefix));
        var (text, description, url) = entries.Single(e => e.Description.StartsWith("Author", StringComparison.Ordinal));
        Assert.Equal("Grace Hopper", text);
        Assert.Equal("Author · 2 papers", description);
        Assert.Equal("http://localhost/search?author=Grace+Hopper", url);
    }

    [Fact]
    public async Task Suggest_CompletesATopic_ByLabel()
    {
        var entries = Entries(await Suggest("retrieval-aug"));
        var topic = entries.First(e => e.Description.StartsWith("Topic", StringComparison.Ordinal));
        Assert.Equal("Retrieval-augmented generation", topic.Text);
        Assert.Equal("Topic · 1 paper", topic.Description);
        Assert.Equal("http://localhost/topics/rag", topic.Url);
        Assert.Equal(entries.First(), topic);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zzzqqq")]
    public async Task Suggest_WithoutCompletions_GivesEmptyLists(string prefix)
    {
        var answer = await Suggest(prefix);
        Assert.Equal(prefix, answer[0].GetString());
        Assert.Equal(0, answer[1].GetArrayLength());
        Assert.Equal(0, answer[2].GetArrayLength());
        Assert.Equal(0, answer[3].GetArrayLength());
    }

    [Fact]
    public async Task Suggest_WithoutThePrefixParameter_GivesEmptyLists()
    {
        using var response = await _client.GetAsync("/api/suggest");
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, answer[1].GetArrayLength());
    }

    [Fact]
    public async Task Suggest_OversizedPrefix_Gives400()
    {
        using var response = await _client.GetAsync("/api/suggest?q=" + new string('a', 101));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Suggest_AtMostTenCompletions()
    {
        var answer = await Suggest("a");
        Assert.InRange(answer[1].GetArrayLength(), 1, 10);
    }

    [Fact]
    public async Task Suggest_HostileTitle_IsPlainJsonText()
    {
        using var response = await _client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString("<script>"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", body, StringComparison.Ordinal);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Contains(TestCorpus.ScriptPayload + " Hostile language model paper", answer[1].EnumerateArray().Select(t => t.GetString()));
    }

    private async Task<JsonElement> Suggest(string prefix)
    {
        using var response = await _client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(prefix));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<(string Text, string Description, string Url)> Entries(JsonElement answer) =>
        [.. Enumerable.Range(0, answer[1].GetArrayLength()).Select(i => (answer[1][i].GetString()!, answer[2][i].GetString()!, answer[3][i].GetString()!))];
}

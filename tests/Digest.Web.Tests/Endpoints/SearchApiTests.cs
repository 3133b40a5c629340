using System.Net;
using System.Text.Json;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Endpoints;

public class SearchApiTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    [Fact]
    public async Task Search_ReturnsTheStableCamelCaseShape()
    {
        using var json = await GetJsonAsync("/api/search?q=language&topic=llm");
        var root = json.RootElement;
        Assert.Equal(5, root.GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        var result = root.GetProperty("results")[0];
        foreach (var name in new[] { "id", "title", "authors", "published", "topics", "snippet", "url" }) Assert.True(result.TryGetProperty(name, out _), name);
        var facets = root.GetProperty("facets");
        foreach (var name in new[] { "topic", "category", "year", "hasCode" }) Assert.True(facets.TryGetProperty(name, out _), name);
        var llm = facets.GetProperty("topic").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "llm");
        Assert.True(llm.GetProperty("selected").GetBoolean());
        Assert.Equal("Large language models", llm.GetProperty("label").GetString());
        Assert.Equal(5, llm.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Search_FuzzyFlood_SaysWhatWasSearchedAsPlainWords_AndIsComplete()
    {
        var flood = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"ab{i}~"));
        using var json = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(flood));
        var root = json.RootElement;
        Assert.False(root.GetProperty("incomplete").GetBoolean());
        Assert.Contains(root.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("searched as plain words", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/search?q=language")]
    [InlineData("/api/search?q=language&topic=llm&category=cs.CL")]
    public async Task Search_FacetCounts_MatchTheTotalsOfTheirViews(string url)
    {
        using var json = await GetJsonAsync(url);
        foreach (var facet in json.RootElement.GetProperty("facets").EnumerateObject())
        {
            foreach (var value in facet.Value.EnumerateArray().Where(v => !v.GetProperty("selected").GetBoolean()))
            {
                using var target = await GetJsonAsync("/api" + value.GetProperty("url").GetString());
                Assert.Equal(value.GetProperty("count").GetInt32(), target.RootElement.GetProperty("total").GetInt32());
            }
        }
    }

    [Theory]
    [InlineData("/api/search?year=abc")]
    [InlineData("/api/search?page=-1")]
    [InlineData("/api/search?from=2024-02-30")]
    [InlineData("/api/search?code=maybe")]
    [InlineData("/api/search?sort=random")]
    public async Task Search_WithBadInput_IsA400Problem(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Paper_GivesEveryFieldOfTheDetailPage()
    {
        using var json = await GetJsonAsync("/api/papers/2501.00001");
        var root = json.RootElement;
        Assert.Equal("2501.00001", root.GetProperty("id").GetString());
        Assert.Equal("llm fine-tuning reasoning", string.Join(' ', root.GetProperty("topics").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal("2025-01-10", root.GetProperty("published").GetString());
        Assert.Equal("https://arxiv.org/pdf/2501.00001", root.GetProperty("pdfUrl").GetString());
        Assert.Contains("@misc{", root.GetProperty("bibTex").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("related").ValueKind);
        Assert.Equal("2025-01-13", root.GetProperty("digestDays")[0].GetString());
    }

    [Fact]
    public async Task Paper_OldStyleId_AndUnknownId()
    {
        using var json = await GetJsonAsync("/api/papers/hep-th/9901001");
        Assert.Equal("hep-th/9901001", json.RootElement.GetProperty("id").GetString());
        var missing = await _client.GetAsync("/api/papers/2501.99999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}

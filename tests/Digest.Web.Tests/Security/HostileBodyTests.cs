using System.Net;
using System.Text;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Security;

/// <summary>Bodies sent to pages and endpoints that do not take them, or that break the form rules: a 4xx, never a 500.</summary>
public class HostileBodyTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "/search", "application/x-www-form-urlencoded", new string('k', 5_000) + "=v" },
        { "/search", "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 5_000).Select(i => $"k{i}=v")) },
        { "/search", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated" },
        { "/papers/2501.00001", "application/json", "{\"a\":" + new string('[', 10_000) },
        { "/", "text/plain", "\r\nX-Injected: yes\r\n" },
        { "/api/search", "application/x-www-form-urlencoded", "q=%ZZ%" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task BodiesPostedAnywhere_AnswerAClientError_AndTheAppKeepsServing(string url, string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await _client.PostAsync(url, content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("X-Injected"));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/search?q=language")).StatusCode);
    }
}

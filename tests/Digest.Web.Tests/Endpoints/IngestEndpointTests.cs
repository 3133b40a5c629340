using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Endpoints;

public class IngestEndpointTests
{
    private const string Key = "test-key-0123456789abcdef";

    private const string TwoPapers = """
        {"arxiv_id": "2505.00001", "title": "Alpha paper", "abstract": "An abstract about alpha that is long enough to be a real abstract of a paper.", "authors": ["A. One"], "published": "2025-05-01", "categories": ["cs.LG"], "source": "x/y"}
        {"arxiv_id": "2505.00002", "title": "Beta paper", "abstract": "An abstract about beta that is long enough to be a real abstract of a paper.", "authors": ["B. Two"], "published": "2025-05-02", "categories": ["cs.CL"], "source": "x/y"}
        """;

    private static StringContent Body(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task Ingest_WithoutConfiguredKey_IsDisabled()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/ingest", Body(TwoPapers));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("IngestApiKey", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef")]
    [InlineData("test-key-0123456789abcde")]
    public async Task Ingest_WithMissingOrWrongKey_IsUnauthorized_AndStoresNothing(string? key)
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Body(TwoPapers) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_WithKey_StoresPapers_AndReportsCounts_ThenReportsNothingChanged()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var first = await client.PostAsync("/api/ingest", Body(TwoPapers));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var report = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(0, report.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(2, report.RootElement.GetProperty("added").GetInt32());
        Assert.Equal("jsonl", report.RootElement.GetProperty("files")[0].GetProperty("format").GetString());

        var second = await client.PostAsync("/api/ingest", Body(TwoPapers));
        using var again = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(0, again.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(2, again.RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_BinaryJunk_IsBadRequest_AndKeepsStoredPapers()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        await client.PostAsync("/api/ingest", Body(TwoPapers));

        var junk = new ByteArrayContent([0x00, 0xFF, 0xFE, 0x00, 0x13, 0x37, 0x00]);
        var response = await client.PostAsync("/api/ingest", junk);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a text file", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_OverTheSizeLimit_IsPayloadTooLarge()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:IngestApiKey"] = Key,
            ["Digest:Limits:MaxFileBytes"] = "2048",
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var response = await client.PostAsync("/api/ingest", Body(new string('x', 10_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxFileBytes", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?format=pdf", "Unknown format")]
    [InlineData("?date=yesterday", "yyyy-mm-dd")]
    [InlineData("?year=99999", "year")]
    public async Task Ingest_WithBadParameters_IsBadRequest(string query, string message)
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var response = await client.PostAsync("/api/ingest" + query, Body(TwoPapers));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    private static string Papers(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $$"""{"arxiv_id": "2506.{{i + 10_000:00000}}", "title": "Upload paper number {{i}}", "abstract": "An abstract about uploading paper {{i}}, long enough to be a real abstract of a paper.", "authors": ["U. Ploader"], "published": "2025-06-01"}""" + "\n"));

    private static DigestAppFactory App(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return new DigestAppFactory(settings);
    }

    private static HttpClient Client(DigestAppFactory app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    private static byte[] Compress(string encoding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }

    [Fact]
    public async Task Ingest_BodySentAsCurlDoesByDefault_FormUrlEncoded_IsReadAsTheFile()
    {
        // curl --data-binary @papers.jsonl says application/x-www-form-urlencoded; the body is one 2 KB+ "form key".
        using var app = App();
        using var client = Client(app);
        var response = await client.PostAsync("/api/ingest", new StringContent(Papers(20), Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(20, report.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(20, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_Multipart_StoresEveryFile_AndReportsEachByName()
    {
        using var app = App();
        using var client = Client(app);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TwoPapers), "files", "first.jsonl" },
            { new StringContent(Papers(3)), "files", "second.jsonl" },
            { new StringContent("a form field, not a file"), "comment" },
        };
        var response = await client.PostAsync("/api/ingest", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, report.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(["first.jsonl", "second.jsonl"], report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Ingest_CompressedBody_IsDecoded(string encoding)
    {
        using var app = App();
        using var client = Client(app);
        var body = new ByteArrayContent(Compress(encoding, Encoding.UTF8.GetBytes(TwoPapers)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        body.Headers.ContentEncoding.Add(encoding);
        var response = await client.PostAsync("/api/ingest", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_CompressedBodyExpandingPastTheFileLimit_IsPayloadTooLarge()
    {
        using var app = App(new Dictionary<string, string?> { ["Digest:Limits:MaxFileBytes"] = "65536" });
        using var client = Client(app);
        // 8 MB of spaces compress to a few KB: well under the request limit, far over the file limit once expanded.
        var body = new ByteArrayContent(Compress("gzip", Encoding.UTF8.GetBytes(new string(' ', 8 << 20))));
        body.Headers.ContentEncoding.Add("gzip");
        var response = await client.PostAsync("/api/ingest", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("once decompressed", text);
        Assert.Contains("MaxFileBytes", text);
    }

    [Fact]
    public async Task Ingest_UnknownContentEncoding_IsUnsupportedMediaType()
    {
        using var app = App();
        using var client = Client(app);
        var body = Body(TwoPapers);
        body.Headers.ContentEncoding.Add("compress");
        var response = await client.PostAsync("/api/ingest", body);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("gzip, deflate, br", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ingest_MultipartWithoutClosingBoundary_IsBadRequest_NotAServerError()
    {
        using var app = App();
        using var client = Client(app);
        var body = new StringContent("--b0undary\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.jsonl\"\r\n\r\n" + TwoPapers);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        var response = await client.PostAsync("/api/ingest", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("closing boundary", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }
}

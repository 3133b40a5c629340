using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Endpoints;

/// <summary>
/// Requests an attacker (or a broken client) sends to <c>POST /api/ingest</c>: each gets a clear 4xx with a message,
/// the app keeps serving, and the papers stored before are exactly as they were.
/// </summary>
public class IngestHostileRequestTests(IngestHostileRequestTests.StoredPapersFixture fixture) : IClassFixture<IngestHostileRequestTests.StoredPapersFixture>
{
    public const string Key = "test-key-0123456789abcdef";
    private const int MaxFileBytes = 64 * 1024;
    private const int MaxUploadParts = 10;

    private const string Junk = "\0\u0001\u00ff\0junk\0";

    public static TheoryData<string, int, string> Cases() => new()
    {
        { "missing key", 401, "API key" },
        { "wrong key", 401, "API key" },
        { "oversized body", 413, "MaxFileBytes" },
        { "oversized part", 413, "MaxFileBytes" },
        { "too many parts", 413, "Digest:Limits:MaxUploadParts" },
        { "empty body", 400, "empty" },
        { "empty form", 400, "no file" },
        { "binary junk", 400, "not a text file" },
        { "gzip bomb", 413, "once decompressed" },
        { "corrupt gzip", 400, "could not be read" },
        { "unknown encoding", 415, "not supported" },
        { "stacked encodings", 415, "several encodings" },
        { "multipart without closing boundary", 400, "closing boundary" },
        { "multipart without boundary", 400, "boundary" },
        { "multipart with a huge part header", 400, "could not be read" },
        { "CRLF in file name", 400, "not a text file" },
        { "path traversal in file name", 400, "not a text file" },
        { "bad date", 400, "yyyy-mm-dd" },
        { "unknown format", 400, "Unknown format" },
        { "bad year", 400, "year" },
        { "repeated format", 400, "given 2 times" },
        { "repeated date", 400, "given 3 times" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileUpload_IsAClear4xx_AndTheAppAndItsPapersAreUnharmed(string name, int status, string message)
    {
        var before = await fixture.StoredIdsAsync();
        using var request = Build(name);

        using var response = await fixture.Client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(message, text);
        Assert.DoesNotContain("   at ", text);
        Assert.Equal(before, await fixture.StoredIdsAsync());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("/healthz")).StatusCode);
        var search = await fixture.Client.GetAsync("/api/search?q=alpha");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        AssertNoControlCharactersInReportedNames(text);
        Assert.False(File.Exists(Path.Combine(fixture.App.DataDirectory, "etc", "passwd")), "a file name became a path");
        var spool = Path.Combine(fixture.App.DataDirectory, "tmp", "uploads");
        Assert.Empty(Directory.Exists(spool) ? Directory.EnumerateFiles(spool) : []);
    }

    private static HttpRequestMessage Build(string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest");
        request.Headers.Add("X-Api-Key", Key);
        switch (name)
        {
            case "missing key":
                request.Headers.Remove("X-Api-Key");
                request.Content = Text(Junk);
                break;
            case "wrong key":
                request.Headers.Remove("X-Api-Key");
                request.Headers.Add("X-Api-Key", Key[..^1] + "X");
                request.Content = Text(Junk);
                break;
            case "oversized body":
                request.Content = Text(new string('x', MaxFileBytes + 1));
                break;
            case "oversized part":
                request.Content = Form(("big.jsonl", Encoding.UTF8.GetBytes(new string('x', MaxFileBytes + 1))));
                break;
            case "too many parts":
                request.Content = Form([.. Enumerable.Range(0, MaxUploadParts + 1).Select(i => ($"p{i}.jsonl", Encoding.UTF8.GetBytes(Junk)))]);
                break;
            case "empty body":
                request.Content = new ByteArrayContent([]);
                break;
            case "empty form":
                request.Content = new MultipartFormDataContent { { new StringContent("no file here"), "field" } };
                break;
            case "binary junk":
                request.Content = new ByteArrayContent([0x00, 0xFF, 0xFE, 0x00, 0x13, 0x37, 0x00]);
                break;
            case "gzip bomb":
                request.Content = Encoded("gzip", Gzip(new byte[16 << 20]));
                break;
            case "corrupt gzip":
                request.Content = Encoded("gzip", [0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x03, 0xFF, 0xFF, 0xFF]);
                break;
            case "unknown encoding":
                request.Content = Encoded("compress", Encoding.UTF8.GetBytes(Junk));
                break;
            case "stacked encodings":
                request.Content = Encoded("gzip, br", Encoding.UTF8.GetBytes(Junk));
                break;
            case "multipart without closing boundary":
                request.Content = RawMultipart("multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.jsonl\"\r\n\r\nhalf a file");
                break;
            case "multipart without boundary":
                request.Content = RawMultipart("multipart/form-data", "--zz\r\n\r\n--zz--\r\n");
                break;
            case "multipart with a huge part header":
                request.Content = RawMultipart("multipart/form-data; boundary=zz", $"--zz\r\nX-Filler: {new string('h', 40_000)}\r\n\r\nbody\r\n--zz--\r\n");
                break;
            case "CRLF in file name":
                // RFC 5987 lets the name carry encoded CR/LF; it must not reach the report or the log as a line break.
                request.Content = RawMultipart("multipart/form-data; boundary=zz",
                    $"--zz\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''evil%0D%0AX-Injected%3A%201.jsonl\r\n\r\n{Junk}\r\n--zz--\r\n");
                break;
            case "path traversal in file name":
                request.Content = Form(("../../etc/passwd", Encoding.UTF8.GetBytes(Junk)));
                break;
            case "bad date":
                request.RequestUri = new Uri("/api/ingest?date=2025-13-45", UriKind.Relative);
                request.Content = Text(Junk);
                break;
            case "unknown format":
                request.RequestUri = new Uri("/api/ingest?format=unknown", UriKind.Relative);
                request.Content = Text(Junk);
                break;
            case "bad year":
                request.RequestUri = new Uri("/api/ingest?year=abc", UriKind.Relative);
                request.Content = Text(Junk);
                break;
            case "repeated format":
                request.RequestUri = new Uri("/api/ingest?format=jsonl&format=hf-daily", UriKind.Relative);
                request.Content = Text(Junk);
                break;
            case "repeated date":
                request.RequestUri = new Uri("/api/ingest?date=2025-01-01&date=2025-01-02&date=2025-01-03", UriKind.Relative);
                request.Content = Text(Junk);
                break;
            default:
                throw new ArgumentException($"no such case: {name}");
        }
        return request;
    }

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    private static ByteArrayContent Encoded(string encoding, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        return content;
    }

    private static MultipartFormDataContent Form(params (string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, bytes) in files) form.Add(new ByteArrayContent(bytes), "files", fileName);
        return form;
    }

    private static ByteArrayContent RawMultipart(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    private static void AssertNoControlCharactersInReportedNames(string responseText)
    {
        if (!responseText.Contains("\"files\"", StringComparison.Ordinal)) return;
        using var report = JsonDocument.Parse(responseText);
        foreach (var file in report.RootElement.GetProperty("files").EnumerateArray())
        {
            var fileName = file.GetProperty("file").GetString()!;
            Assert.DoesNotContain(fileName, char.IsControl);
            Assert.DoesNotContain("/", fileName);
            Assert.DoesNotContain("..", fileName);
        }
    }

    /// <summary>One app holding two papers, small limits so that oversized requests stay cheap.</summary>
    public sealed class StoredPapersFixture : IAsyncLifetime
    {
        public DigestAppFactory App { get; } = new(new Dictionary<string, string?>
        {
            ["Digest:IngestApiKey"] = Key,
            ["Digest:Limits:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Limits:MaxUploadParts"] = MaxUploadParts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = App.CreateClient();
            using var seed = new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
            {
                Content = Text("""
                    {"arxiv_id": "2505.00001", "title": "Alpha paper", "abstract": "An abstract about alpha that is long enough to be a real abstract of a paper.", "authors": ["A. One"], "published": "2025-05-01"}
                    {"arxiv_id": "2505.00002", "title": "Beta paper", "abstract": "An abstract about beta that is long enough to be a real abstract of a paper.", "authors": ["B. Two"], "published": "2025-05-02"}
                    """),
            };
            seed.Headers.Add("X-Api-Key", Key);
            (await Client.SendAsync(seed)).EnsureSuccessStatusCode();
        }

        /// <summary>Every stored paper's id and update time: any write would show.</summary>
        public async Task<List<string>> StoredIdsAsync()
        {
            var papers = new List<string>();
            await foreach (var paper in App.Services.GetRequiredService<PaperStore>().ReadAllAsync()) papers.Add($"{paper.Id}@{paper.UpdatedAt:O}");
            return [.. papers.Order(StringComparer.Ordinal)];
        }

        public Task DisposeAsync()
        {
            Client.Dispose();
            App.Dispose();
            return Task.CompletedTask;
        }
    }
}

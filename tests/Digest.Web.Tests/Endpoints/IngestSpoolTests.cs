using System.Net;
using System.Text;
using Digest.Core.Configuration;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Web.Tests.Endpoints;

public class IngestSpoolTests
{
    private const string Key = "test-key-0123456789abcdef";

    private const string OnePaper = """{"arxiv_id": "2505.00001", "title": "Alpha paper", "abstract": "An abstract about alpha that is long enough to be a real abstract of a paper.", "authors": ["A. One"], "published": "2025-05-01"}""";

    private static string SpoolDirectory(string dataDirectory) => Path.Combine(dataDirectory, "tmp", "uploads");

    [Fact]
    public async Task SpoolFileLeftByACrash_IsDeletedWhenTheAppStarts()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        var spool = SpoolDirectory(app.DataDirectory);
        Directory.CreateDirectory(spool);
        var stale = Path.Combine(spool, "upload-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(stale, new byte[64 * 1024]);
        var unrelated = Path.Combine(spool, "notes.txt");
        await File.WriteAllTextAsync(unrelated, "not a spool file");

        using var client = app.CreateClient();

        Assert.False(File.Exists(stale), "a spool file of an interrupted upload survived the restart");
        Assert.True(File.Exists(unrelated), "only spool files are deleted");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Uploads_AreSpooledInTheDataDirectory_AndLeaveNoSpoolFileBehind()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        Assert.Equal(SpoolDirectory(app.DataDirectory), app.Services.GetRequiredService<IOptions<DigestOptions>>().Value.UploadSpoolPath);

        var raw = await client.PostAsync("/api/ingest", new StringContent(OnePaper, Encoding.UTF8, "application/x-ndjson"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(OnePaper), "files", "a.jsonl" },
            { new ByteArrayContent([0, 1, 2, 0]), "files", "junk.bin" },
        };
        var multipart = await client.PostAsync("/api/ingest", form);
        var truncated = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.jsonl\"\r\n\r\n" + OnePaper);
        truncated.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        var failed = await client.PostAsync("/api/ingest", truncated);

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, multipart.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.True(Directory.Exists(SpoolDirectory(app.DataDirectory)), "uploads are spooled in the data directory");
        Assert.Empty(Directory.EnumerateFileSystemEntries(SpoolDirectory(app.DataDirectory)));
    }
}

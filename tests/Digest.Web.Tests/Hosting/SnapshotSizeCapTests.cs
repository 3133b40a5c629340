using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Hosting;

public class SnapshotSizeCapTests
{
    private const string Key = "test-key-0123456789abcdef";

    [Fact]
    public async Task SnapshotOverMaxFileBytes_IsRefusedAsAnUpload_ButReadByTheCliIngest()
    {
        var settings = new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key, ["Digest:Limits:MaxFileBytes"] = "4096" };
        using var app = new DigestAppFactory(settings);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var snapshot = string.Concat(Enumerable.Range(1, 30).Select(i => Line($"2401.{i:D5}", $"Snapshot paper number {i}") + "\n"));
        Assert.True(Encoding.UTF8.GetByteCount(snapshot) > 4096);

        var upload = await client.PostAsync("/api/ingest", new StringContent(snapshot, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Equal(0, await app.Services.GetRequiredService<PaperStore>().CountAsync());

        var file = Path.Combine(app.DataDirectory, "arxiv-metadata-oai-snapshot.json");
        await File.WriteAllTextAsync(file, snapshot);
        var (exitCode, output) = await RunCliAsync(app.DataDirectory, "ingest", file);

        Assert.True(exitCode == 0, output);
        Assert.Contains("(arxiv-snapshot): 30 records, 30 added", output);
        Assert.Equal(30, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Inbox_ReadsASnapshotOverMaxFileBytes_ButNotJsonLinesOverIt()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Limits:MaxFileBytes"] = "4096",
            ["Digest:WatchInbox"] = "true",
            ["Digest:InboxPollInterval"] = "00:00:00.100",
        };
        using var app = new DigestAppFactory(settings);
        var inbox = Path.Combine(app.DataDirectory, "inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "snapshot.json"), string.Concat(Enumerable.Range(1, 30).Select(i => Line($"2401.{i:D5}", $"Snapshot paper number {i}") + "\n")));
        await File.WriteAllTextAsync(Path.Combine(inbox, "papers.jsonl"), string.Concat(Enumerable.Range(1, 60).Select(i => $$"""{"arxiv_id": "2402.{{i:D5}}", "title": "JSON Lines paper {{i}}", "abstract": "An abstract."}""" + "\n")));
        using var client = app.CreateClient();

        // Moved files get a time stamp before their name.
        string? Report(string folder, string name) => Directory.Exists(Path.Combine(inbox, folder)) ? Directory.EnumerateFiles(Path.Combine(inbox, folder), $"*-{name}.report.txt").FirstOrDefault() : null;
        for (var i = 0; i < 200 && (Report("processed", "snapshot.json") is null || Report("failed", "papers.jsonl") is null); i++) await Task.Delay(100);

        Assert.Contains("30 added", await File.ReadAllTextAsync(Report("processed", "snapshot.json")!));
        Assert.Contains("the limit is 4,096", await File.ReadAllTextAsync(Report("failed", "papers.jsonl")!));
        Assert.Equal(30, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    private static string Line(string id, string title) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["authors"] = "Ada Lovelace and Charles Babbage",
        ["title"] = title,
        ["categories"] = "cs.LG",
        ["abstract"] = "  An abstract long enough to be the abstract of a paper in the snapshot.\n",
        ["versions"] = new[] { new { version = "v1", created = "Mon, 8 Jan 2024 10:00:00 GMT" } },
        ["update_date"] = "2024-01-09",
    });

    private static async Task<(int ExitCode, string Output)> RunCliAsync(string dataDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Digest.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Digest__DataDirectory"] = dataDirectory;
        start.Environment["Digest__Limits__MaxFileBytes"] = "4096";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}

using System.Diagnostics;
using Digest.Core.Indexing;
using Digest.Core.Storage;
using Digest.Web.CommandLine;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Hosting;

public class IndexOwnershipTests
{
    [Fact]
    public async Task CliVerbInAnotherProcess_BesideTheRunningApp_LeavesTheIndexToTheApp()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        var file = Path.Combine(app.DataDirectory, "one.jsonl");
        await File.WriteAllTextAsync(file, """
            {"arxiv_id": "2509.00001", "title": "A paper ingested by another process", "abstract": "An abstract long enough to be the real abstract of a paper about processes.", "authors": ["C. Li"], "published": "2025-09-01"}
            """ + "\n");

        // What `docker exec digest digest ingest FILE` does: a second process on the same data directory.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Digest.Web.dll"));
        start.ArgumentList.Add("ingest");
        start.ArgumentList.Add(file);
        start.Environment["Digest__DataDirectory"] = app.DataDirectory;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + error);
        Assert.Contains("the running app owns the index", error);
        var index = app.Services.GetRequiredService<PaperIndex>();
        var store = app.Services.GetRequiredService<PaperStore>();
        for (var i = 0; i < 100 && index.DocumentCount == 0; i++) await Task.Delay(100);
        Assert.Equal(1, await store.CountAsync());
        Assert.Equal(1, index.DocumentCount);
        Assert.Equal(await store.LatestChangeSeqAsync(), index.ChangeSeq);
    }

    [Fact]
    public void SecondOwner_OfTheSameIndex_IsRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), "digest-web-tests", Guid.NewGuid().ToString("N"), "index");
        using (new PaperIndex(path, Microsoft.Extensions.Logging.Abstractions.NullLogger<PaperIndex>.Instance))
        {
            var refused = Assert.Throws<IndexLockedException>(() => new PaperIndex(path, Microsoft.Extensions.Logging.Abstractions.NullLogger<PaperIndex>.Instance));
            // The holder is named, not guessed: here it is this very process.
            Assert.Equal(Environment.ProcessId, refused.Owner?.ProcessId);
            Assert.Contains($"process {Environment.ProcessId}", refused.Message);
        }
        // Released with its owner.
        using (new PaperIndex(path, Microsoft.Extensions.Logging.Abstractions.NullLogger<PaperIndex>.Instance))
        {
        }
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void CliNote_NamesTheKindOfProcessThatHoldsTheIndex_InsteadOfAssumingTheApp()
    {
        var since = DateTimeOffset.UtcNow;
        var app = CliRunner.IndexHolderNote(new IndexOwner(4242, [], since));
        var command = CliRunner.IndexHolderNote(new IndexOwner(4343, ["ingest", "papers.jsonl"], since));
        var unknown = CliRunner.IndexHolderNote(null);

        Assert.StartsWith("the running app owns the index (process 4242 (the web app)", app);
        Assert.StartsWith("another command holds the index: process 4343 (digest ingest papers.jsonl)", command);
        Assert.DoesNotContain("running app owns", command);
        Assert.StartsWith("another process holds the index", unknown);
    }
}

using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Digest.Web.Hosting;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.Web.Tests.Hosting;

public class ShutdownTests
{
    private static string Papers(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $$"""{"arxiv_id": "2508.{{i:00000}}", "title": "Shutdown paper number {{i}}", "abstract": "An abstract about stopping cleanly, number {{i}}, long enough to be a real abstract.", "authors": ["S. Top"], "published": "2025-08-01"}""" + "\n"));

    [Fact]
    public async Task IngestCancelledMidway_ByShutdown_LeavesStoreAndIndexConsistent_AfterRestart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "digest-web-tests", Guid.NewGuid().ToString("N"));
        var total = IngestService.BatchSize * 6 + 100;
        try
        {
            // The inbox watcher ingests like every background ingest: on the host's stopping token.
            Directory.CreateDirectory(Path.Combine(dataDirectory, "inbox"));
            await File.WriteAllTextAsync(Path.Combine(dataDirectory, "inbox", "big.jsonl"), Papers(total));
            int storedAtStop;
            using (var app = new DigestAppFactory(new Dictionary<string, string?>
            {
                ["Digest:DataDirectory"] = dataDirectory,
                ["Digest:WatchInbox"] = "true",
                ["Digest:InboxPollInterval"] = "00:00:00.100",
            }))
            {
                using var client = app.CreateClient();
                var store = app.Services.GetRequiredService<PaperStore>();
                for (var i = 0; i < 600 && await store.CountAsync() == 0; i++) await Task.Delay(50);
                // Stop as SIGTERM would, while the rest of the file is being ingested.
                await app.Services.GetRequiredService<IHost>().StopAsync();
                storedAtStop = await store.CountAsync();
            }

            Assert.InRange(storedAtStop, IngestService.BatchSize, total - 100);
            Assert.Equal(0, storedAtStop % IngestService.BatchSize); // whole batches: the one in progress rolled back
            Assert.True(File.Exists(Path.Combine(dataDirectory, "inbox", "big.jsonl")), "a cancelled file stays in the inbox for the next start");

            using var restarted = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:DataDirectory"] = dataDirectory });
            using var again = restarted.CreateClient();
            var restartedStore = restarted.Services.GetRequiredService<PaperStore>();
            var index = restarted.Services.GetRequiredService<PaperIndex>();
            Assert.Equal(storedAtStop, await restartedStore.CountAsync());
            Assert.Equal(storedAtStop, index.DocumentCount);
            Assert.Equal(await restartedStore.LatestChangeSeqAsync(), index.ChangeSeq);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Host_GivesShutdownEnoughTimeForABatch()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();

        Assert.Equal(DigestHostingRegistration.ShutdownTimeout, app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.True(DigestHostingRegistration.ShutdownTimeout >= TimeSpan.FromSeconds(30));
    }
}

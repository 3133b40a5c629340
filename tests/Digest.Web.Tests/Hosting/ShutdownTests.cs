using Digest.Core.Indexing;
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
        var total = PaperStore.BatchSize * 6 + 100;
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
                var store = app.Services.GetRequiredService<PaperStore>();
                var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
                // Stop as SIGTERM would, the moment the first batch is searchable, while the rest of the file is being
                // ingested. Polling the count instead would race: on a fast machine the whole file is in before a poll sees it.
                app.Services.GetRequiredService<PaperIndex>().Refreshed += lifetime.StopApplication;
                using var client = app.CreateClient();
                var stopped = new TaskCompletionSource();
                using (lifetime.ApplicationStopping.Register(() => stopped.TrySetResult()))
                {
                    await stopped.Task.WaitAsync(TimeSpan.FromMinutes(2));
                }
                await app.Services.GetRequiredService<IHost>().StopAsync();
                storedAtStop = await store.CountAsync();
            }

            // Whole batches only: the batches handed to the store before the stop are stored whole (the pipeline holds a
            // few beside the one searchable), the one being read when the stop came is dropped, the rest never read.
            Assert.InRange(storedAtStop, PaperStore.BatchSize, total - 100 - PaperStore.BatchSize);
            Assert.Equal(0, storedAtStop % PaperStore.BatchSize);
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

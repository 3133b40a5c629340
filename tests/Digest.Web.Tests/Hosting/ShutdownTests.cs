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
        var settings = new Dictionary<string, string?> { ["Digest:DataDirectory"] = dataDirectory };
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Papers(IngestService.BatchSize * 3 + 100));
            IngestReport report;
            using (var app = new DigestAppFactory(settings))
            {
                using var client = app.CreateClient();
                var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
                // Cancelled by the host's stopping token after the first committed batch, as SIGTERM would.
                var progress = new Progress<IngestProgress>(_ => lifetime.StopApplication());
                report = await app.Services.GetRequiredService<IngestService>().IngestAsync(
                    [new IngestSource("big.jsonl", () => new MemoryStream(bytes))], new IngestRequest { Origin = "test" }, progress, lifetime.ApplicationStopping);
            }

            Assert.True(report.Cancelled);
            Assert.InRange(report.Added, IngestService.BatchSize, IngestService.BatchSize * 3);
            Assert.Equal(0, report.Added % IngestService.BatchSize);

            using var restarted = new DigestAppFactory(settings);
            using var again = restarted.CreateClient();
            var store = restarted.Services.GetRequiredService<PaperStore>();
            var index = restarted.Services.GetRequiredService<PaperIndex>();
            Assert.Equal(report.Added, await store.CountAsync());
            Assert.Equal(await store.CountAsync(), index.DocumentCount);
            Assert.Equal(await store.LatestChangeSeqAsync(), index.ChangeSeq);
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

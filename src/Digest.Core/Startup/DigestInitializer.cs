using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Startup;

/// <summary>
/// Brings the data directory to a working state, once, before the app serves or a CLI verb runs:
/// schema migrations, index repair (catch-up from the store), topic re-assignment after a taxonomy change,
/// and the sample digest on the very first start.
/// </summary>
public sealed class DigestInitializer(
    IIndexOwnership index,
    DatabaseMigrator migrator,
    PaperStore store,
    IngestService ingest,
    TopicReassigner topicReassigner,
    IOptions<DigestOptions> options,
    ILogger<DigestInitializer> logger)
{
    private const string SampleSeededKey = "sample_digest_seeded";

    /// <summary>Migrates, repairs the index and seeds the sample digest.</summary>
    /// <param name="seedSample">Whether this start may ingest the sample digest (the web app; not a CLI verb).</param>
    /// <param name="cancellationToken">Stops the start-up work.</param>
    public async Task InitializeAsync(bool seedSample, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Value.DataPath);
        await migrator.MigrateAsync(cancellationToken);

        if (index.WasRecreated) logger.LogWarning("The index was missing or unreadable; rebuilding it from the store");
        // Does nothing when another process owns the index: that owner brings it in step.
        await UnlessStorageFailsAsync("Bringing the index in step with the store", () => index.BringInStepAsync(cancellationToken));

        await UnlessStorageFailsAsync("Filing papers into topics", async () =>
        {
            if (await topicReassigner.IsNeededAsync(cancellationToken))
            {
                // The taxonomy changed since topics were assigned (or this is the first start): every paper is filed again.
                await topicReassigner.ReassignAllAsync(cancellationToken);
            }
        });

        if (seedSample && options.Value.SeedSampleDigest) await UnlessStorageFailsAsync("Ingesting the sample digest", () => SeedSampleAsync(cancellationToken));
    }

    /// <summary>
    /// Runs a start-up step that writes, and carries on when the storage fails (a full disk): the app then starts and
    /// serves what it has, readiness reports the disk, and the index catch-up is retried in the background.
    /// </summary>
    private async Task UnlessStorageFailsAsync(string step, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            logger.LogError("{Step} failed: {Reason}. Starting with what is stored; it is tried again once space is free", step, StorageFailure.Describe(e, options.Value.DataPath));
        }
    }

    private async Task SeedSampleAsync(CancellationToken cancellationToken)
    {
        if (await store.CountAsync(cancellationToken) > 0 || await store.GetSettingAsync(SampleSeededKey, cancellationToken) is not null) return;

        var report = await ingest.IngestAsync(
            [new IngestSource(SampleDigest.FileName, SampleDigest.Open)],
            new IngestRequest { Format = SourceFormat.DigestText, Origin = "sample" },
            cancellationToken: cancellationToken);
        await store.SetSettingAsync(SampleSeededKey, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
        logger.LogInformation("First start: ingested the bundled sample digest ({Added} papers). Set Digest:SeedSampleDigest=false to start empty", report.Added);
    }
}

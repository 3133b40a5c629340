using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// Indexes papers that another process (a CLI verb run beside the app, e.g. through <c>docker exec</c>) wrote to the
/// store. The checks are two indexed lookups, so polling every few seconds costs nothing measurable.
/// </summary>
internal sealed class IndexSyncService(IndexSynchronizer synchronizer, PaperStore store, IOptions<DigestOptions> options, ILogger<IndexSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IndexSyncInterval);
        // After a failed catch-up (a full disk) the next good one is followed by a verification against the store.
        var failedBefore = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await store.GetSettingAsync(ReindexRequest.SettingKey, stoppingToken) is not null)
                {
                    // Asked for by the reindex verb from another process, which waits for the request to disappear.
                    var count = await synchronizer.RebuildAsync(stoppingToken);
                    await store.DeleteSettingAsync(ReindexRequest.SettingKey, stoppingToken);
                    logger.LogInformation("Index rebuilt on request: {Count} papers", count);
                }
                await synchronizer.CatchUpAsync(stoppingToken);
                if (failedBefore) await synchronizer.VerifyAsync(stoppingToken);
                failedBefore = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StorageFailure.Is(e))
            {
                if (!failedBefore) logger.LogWarning("Index catch-up cannot write ({Reason}); retrying every {Interval}", StorageFailure.Describe(e), options.Value.IndexSyncInterval);
                failedBefore = true;
            }
            catch (Exception e)
            {
                failedBefore = true;
                // A locked or busy store now is no reason to stop syncing later.
                logger.LogError(e, "Index catch-up failed; retrying in {Interval}", options.Value.IndexSyncInterval);
            }
        }
    }
}

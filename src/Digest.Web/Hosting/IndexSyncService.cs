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
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A locked or busy store now is no reason to stop syncing later.
                logger.LogError(e, "Index catch-up failed; retrying in {Interval}", options.Value.IndexSyncInterval);
            }
        }
    }
}

using Dapper;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Digest.Core.Health;

/// <summary>
/// Decides whether the app can serve: the store takes a write lock, the data directory's disk has the free space the
/// settings ask for, and the index is in step with the store (every stored paper searchable). Built to be polled every
/// few seconds: a write lock taken and released (nothing written), one statvfs, two indexed lookups, one small table
/// read. Remote source failures are reported but never make the app unready: the papers it has stay searchable.
/// </summary>
public sealed class ReadinessCheck(SqliteDatabase database, PaperStore store, PaperIndex index, SourceStatusStore sources, IOptions<DigestOptions> options, TimeProvider timeProvider)
{
    /// <summary>The index may trail the store this long (another process just wrote; the sync catches up within seconds).</summary>
    public static readonly TimeSpan IndexGracePeriod = TimeSpan.FromMinutes(2);

    // When the index was first seen behind (UTC ticks; 0: in step). Probes may run concurrently, hence Interlocked.
    private long _behindSinceTicks;

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var storeCheck = await CheckStoreAsync(cancellationToken);
        var diskCheck = CheckDisk();
        var indexCheck = storeCheck.Ok ? await CheckIndexAsync(cancellationToken) : new IndexCheck(false, "not checked: the store is unavailable", index.SearchableChangeSeq, 0, 0);
        IReadOnlyList<SourceStatus> statuses = storeCheck.Ok ? await sources.GetAllAsync(cancellationToken) : [];
        return new ReadinessReport(storeCheck.Ok && diskCheck.Ok && indexCheck.Ok, storeCheck, diskCheck, indexCheck, statuses);
    }

    private ComponentCheck CheckDisk()
    {
        var settings = options.Value;
        if (DiskSpace.AvailableBytes(settings.DataPath) is not { } free) return new ComponentCheck(true, "free space unknown (the file system does not say)");
        var detail = $"{DiskSpace.Format(free)} free";
        return free >= settings.MinFreeDiskBytes
            ? new ComponentCheck(true, detail)
            : new ComponentCheck(false, $"{detail}, below Digest:MinFreeDiskBytes ({DiskSpace.Format(settings.MinFreeDiskBytes)}): ingests may fail; searches still work");
    }

    private async Task<ComponentCheck> CheckStoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // A short wait: a probe must answer quickly; a lock held that long means a writer is busy, which is fine.
            await connection.ExecuteAsync("PRAGMA busy_timeout = 250;");
            await connection.ExecuteAsync("BEGIN IMMEDIATE; ROLLBACK;");
            return new ComponentCheck(true, "writable");
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5) // SQLITE_BUSY: another connection is writing, so writes work.
        {
            return new ComponentCheck(true, "writable (a write is in progress)");
        }
        catch (SqliteException e)
        {
            return new ComponentCheck(false, $"not writable: {e.Message}");
        }
    }

    private async Task<IndexCheck> CheckIndexAsync(CancellationToken cancellationToken)
    {
        var storeSeq = await store.LatestChangeSeqAsync(cancellationToken);
        // What searches see, not what the writer holds: a batch applied but not yet refreshed is not findable.
        var indexSeq = index.SearchableChangeSeq;
        var now = timeProvider.GetUtcNow();
        if (indexSeq >= storeSeq)
        {
            Interlocked.Exchange(ref _behindSinceTicks, 0);
            return new IndexCheck(true, "in step with the store", indexSeq, storeSeq, 0);
        }
        var since = Interlocked.CompareExchange(ref _behindSinceTicks, now.UtcTicks, 0);
        var behind = since == 0 ? TimeSpan.Zero : now - new DateTimeOffset(since, TimeSpan.Zero);
        var ok = behind <= IndexGracePeriod;
        var detail = ok
            ? $"catching up: {storeSeq - indexSeq} changes behind the store"
            : $"behind the store by {storeSeq - indexSeq} changes for {behind.TotalSeconds:0} s (check the logs; 'reindex' rebuilds it)";
        return new IndexCheck(ok, detail, indexSeq, storeSeq, behind.TotalSeconds);
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Ingestion;

/// <summary>
/// Gathers an ingest run's valid papers into batches of <see cref="PaperStore.BatchSize"/> (across sources: many small
/// files cost one store transaction per batch, not one per file) and stores and indexes them behind the reader, in two stages that overlap: while the reader
/// parses batch n+2, the store stage merges, files into topics and commits batch n+1, and the index stage indexes
/// batch n. Each stage keeps the order of the batches (the index applies store changes in change order). The channels
/// between them hold one batch each, so a slow stage holds the reader back and memory stays bounded at a few batches.
/// </summary>
/// <remarks>
/// Run one after the other on a 2-core machine the stages left a core idle most of the time: parsing and the store
/// write are single-threaded, and only topics and indexing used both cores.
/// A storage failure (a full disk) stops the store stage from writing; the batches still coming are counted as not
/// stored, so the reader never waits on a stage that has stopped. Cancelling stops the reader; the batches already
/// handed over (two at most) are stored and indexed, so what a cancelled run reports as stored is stored and searchable.
/// </remarks>
internal sealed class IngestPipeline
{
    // A refresh makes new papers searchable, and flushes the writer's buffer into a new segment. After every batch it
    // left a bulk import of 19,278 papers with hundreds of small segments to merge, and opened a new reader (with its
    // facet maps) each time: after the first batch (a reader sees the import start), then at most this often, and once at the end.
    private static readonly TimeSpan SearchableEvery = TimeSpan.FromSeconds(5);

    private readonly Channel<List<(Paper Paper, FileReport File)>> _toStore =
        Channel.CreateBounded<List<(Paper Paper, FileReport File)>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly Channel<StoredBatch> _toIndex =
        Channel.CreateBounded<StoredBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private readonly IngestReport _report;
    private readonly Func<List<(Paper Paper, FileReport File)>, Task<StoredBatch?>> _store;
    private readonly IIndexOwnership _index;
    private readonly string _dataPath;
    private readonly ILogger _logger;
    private readonly Task _storing;
    private readonly Task _indexing;
    private Stopwatch? _sinceSearchable;

    /// <param name="report">The run's report; the store stage sets its storage failure.</param>
    /// <param name="store">Merges and commits one batch; null when it changed nothing. Storage failures escape it.</param>
    /// <param name="index">Where committed batches are indexed.</param>
    /// <param name="dataPath">The data directory, named in a storage failure.</param>
    /// <param name="logger">Where an indexing failure is reported (the index catches up from the store later).</param>
    public IngestPipeline(
        IngestReport report,
        Func<List<(Paper Paper, FileReport File)>, Task<StoredBatch?>> store,
        IIndexOwnership index,
        string dataPath,
        ILogger logger)
    {
        _report = report;
        _store = store;
        _index = index;
        _dataPath = dataPath;
        _logger = logger;
        _storing = Task.Run(StoreAllAsync, CancellationToken.None);
        _indexing = Task.Run(IndexAllAsync, CancellationToken.None);
    }

    /// <summary>Whether the store stage stopped writing (a storage failure): the reader should stop reading.</summary>
    public bool Stopped => Volatile.Read(ref _stopped);

    private bool _stopped;
    private List<(Paper Paper, FileReport File)> _filling = new(PaperStore.BatchSize);

    /// <summary>Adds a valid paper; true when this filled a batch, which then went to the store stage (waiting while it is busy with the one before).</summary>
    public async ValueTask<bool> AddAsync(Paper paper, FileReport file, CancellationToken cancellationToken)
    {
        _filling.Add((paper, file));
        if (_filling.Count < PaperStore.BatchSize) return false;
        await HandOverAsync(cancellationToken);
        return true;
    }

    /// <summary>Stores and indexes the last, partial batch, and waits until every batch is; rethrows what stopped a stage.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_filling.Count > 0 && !Stopped) await HandOverAsync(cancellationToken);
        }
        finally
        {
            await DrainAsync();
        }
    }

    private async Task HandOverAsync(CancellationToken cancellationToken)
    {
        var full = _filling;
        _filling = new(PaperStore.BatchSize);
        var waiting = Stopwatch.StartNew();
        try
        {
            await _toStore.Writer.WriteAsync(full, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The store stage ended with an exception; draining the pipeline rethrows it.
            await DrainAsync();
        }
        finally
        {
            _report.Stages.ReaderWaiting += waiting.Elapsed;
        }
    }

    private async Task DrainAsync()
    {
        _toStore.Writer.TryComplete();
        try
        {
            await _storing;
        }
        finally
        {
            await _indexing;
        }
    }

    private async Task StoreAllAsync()
    {
        try
        {
            await foreach (var batch in _toStore.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (Stopped)
                {
                    foreach (var group in batch.GroupBy(i => i.File)) group.Key.NotStored += group.Count();
                    continue;
                }
                var stored = await TryStoreAsync(batch);
                if (stored is not null) await _toIndex.Writer.WriteAsync(stored, CancellationToken.None);
            }
            _toIndex.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // The reader must not wait on a stage that has stopped; the index stage still indexes what was committed.
            _toStore.Writer.TryComplete(e);
            _toIndex.Writer.TryComplete();
            throw;
        }
    }

    /// <summary>
    /// Stores the batch; on a storage failure (a full disk) the batch was rolled back, the counts it had added are taken
    /// back from each file so the report says exactly what is stored, and the stage stops writing.
    /// </summary>
    private async Task<StoredBatch?> TryStoreAsync(List<(Paper Paper, FileReport File)> incoming)
    {
        var before = incoming.Select(i => i.File).Distinct().Select(f => (File: f, f.Added, f.Updated, f.Unchanged)).ToList();
        var notStored = incoming.GroupBy(i => i.File).Select(g => (File: g.Key, Count: g.Count())).ToList();
        var busy = Stopwatch.StartNew();
        try
        {
            var stored = await _store(incoming);
            _report.Stages.Storing += busy.Elapsed - (stored?.TopicsTime ?? TimeSpan.Zero);
            _report.Stages.Topics += stored?.TopicsTime ?? TimeSpan.Zero;
            return stored;
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            foreach (var (file, added, updated, unchanged) in before) (file.Added, file.Updated, file.Unchanged) = (added, updated, unchanged);
            foreach (var (file, count) in notStored) file.NotStored += count;
            _report.StorageFailure = StorageFailure.Describe(e, _dataPath);
            Volatile.Write(ref _stopped, true);
            return null;
        }
    }

    private async Task IndexAllAsync()
    {
        await foreach (var batch in _toIndex.Reader.ReadAllAsync(CancellationToken.None))
        {
            var searchable = _sinceSearchable is null || _sinceSearchable.Elapsed >= SearchableEvery;
            var busy = Stopwatch.StartNew();
            try
            {
                // From here the store has the batch; indexing it must not be cancelled half-way (a catch-up would repair it anyway).
                await _index.IndexCommittedBatchAsync(batch.Papers, batch.Tokens, batch.AddedIds, batch.RemovedIds, batch.ChangeSeq, batch.ChangeSeq - 1, searchable, CancellationToken.None);
                if (searchable) _sinceSearchable = Stopwatch.StartNew();
                _report.Stages.Indexing += busy.Elapsed;
            }
            catch (Exception e) when (StorageFailure.Is(e))
            {
                // Stored but not indexed: the index went back to its last commit and catches up from the store once it can write.
                _logger.LogWarning("A stored batch could not be indexed ({Reason}); the index catches up from the store later", StorageFailure.Describe(e));
            }
        }
    }
}

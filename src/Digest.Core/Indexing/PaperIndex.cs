using System.Globalization;
using Digest.Core.Papers;
using Digest.Core.Search.Ranking;
using Digest.Core.Storage;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Digest.Core.Indexing;

/// <summary>
/// The one owner of the Lucene index: a single <see cref="IndexWriter"/> and <see cref="SearcherManager"/> for the
/// process lifetime. The index records in its commit data the store's change sequence number it reflects, so the
/// gap after a crash (or papers written by another process) can be found and indexed without a rebuild.
/// A missing or unreadable index is recreated empty (at change 0), which makes the next catch-up a full rebuild.
/// </summary>
/// <remarks>
/// The checkpoint only ever records what a successful commit made durable. A write that fails (a full disk while a
/// segment is flushed or committed) may have dropped buffered documents inside the writer without a trace; committing
/// that writer later would record a change number whose documents are gone, and every catch-up would start past them.
/// So any failed write rolls the writer back to its last commit, opens a new one, and moves the change number back to
/// the committed one: the next catch-up indexes the lost changes again.
/// </remarks>
public sealed class PaperIndex : IDisposable
{
    private const string ChangeSeqKey = "change_seq";
    private const string SchemaKey = "schema";

    /// <summary>
    /// How documents are indexed (fields and analysis). Change it with <see cref="PaperDocumentFactory"/> or
    /// <see cref="PaperAnalyzer"/>: an index committed under another schema has no usable checkpoint, so opening it
    /// starts a rebuild from the store instead of searching documents that lack fields queries now use.
    /// </summary>
    public const string Schema = "6";

    static PaperIndex() => PaperCodec.Register();

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly Similarity _similarity;
    private readonly IndexOwnerLock _ownerLock;
    private readonly ILogger<PaperIndex> _logger;
    private readonly System.Threading.Lock _recovery = new();
    private volatile IndexGeneration _current;
    // Makes each reader's searcher (see UseSearcherFactory); until one is given, plain searchers with the index's similarity.
    private volatile SearcherFactory _searcherFactory;
    // A refresh and a change of searcher factory do not overlap: the refresh must reach the searchers in use.
    private readonly System.Threading.Lock _searchersChange = new();
    // The writer could not be reopened after a failed write: searches use the last searchers until a write reopens it.
    private volatile bool _writerBroken;
    private long _changeSeq;
    private long _searchableSeq;
    private long _committedSeq;

    /// <summary>Opens (or creates) the index at <paramref name="indexPath"/>.</summary>
    /// <param name="indexPath">The index folder.</param>
    /// <param name="logger">Recoveries and rebuilds are logged here.</param>
    /// <param name="ranking">How the index is scored and queries relax; <see cref="RankingSettings.Default"/> when null.</param>
    /// <exception cref="IndexLockedException">another process holds the index.</exception>
    public PaperIndex(string indexPath, ILogger<PaperIndex> logger, RankingSettings? ranking = null)
    {
        IndexPath = indexPath;
        _logger = logger;
        Ranking = ranking ?? RankingSettings.Default;
        _similarity = PaperSimilarity.Create(Ranking);
        _searcherFactory = new PaperSearcherFactory(_similarity);
        System.IO.Directory.CreateDirectory(indexPath);
        _ownerLock = IndexOwnerLock.Acquire(indexPath);
        // Not FSDirectory.Open (MMapDirectory on Linux) nor NIOFSDirectory: see MappedFileDirectory for why.
        _directory = new MappedFileDirectory(new DirectoryInfo(indexPath));
        _analyzer = PaperAnalyzer.Create();
        try
        {
            _current = Open(OpenMode.CREATE_OR_APPEND);
        }
        catch (LockObtainFailedException e)
        {
            _directory.Dispose();
            _ownerLock.Dispose();
            throw new IndexLockedException(indexPath, IndexOwner.Read(indexPath), e);
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException)
        {
            logger.LogWarning(e, "The index at {IndexPath} could not be read; it is recreated and rebuilt from the store", indexPath);
            ClearDirectory();
            _current = Open(OpenMode.CREATE);
            WasRecreated = true;
        }

        _committedSeq = _searchableSeq = _changeSeq = ReadCommittedChangeSeq(_current.Writer);
        if (_changeSeq == 0 && !WasRecreated && _current.Writer.NumDocs > 0)
        {
            // Documents without a checkpoint (or of another schema) cannot be trusted to match the store or the queries.
            logger.LogWarning("The index at {IndexPath} has no change checkpoint of schema {Schema}; it is rebuilt from the store", indexPath, Schema);
            _current.Writer.DeleteAll();
        }
    }

    public string IndexPath { get; }

    /// <summary>How this index is scored (its similarity) and how queries on it relax.</summary>
    public RankingSettings Ranking { get; }

    /// <summary>The similarity documents are written and scored with (BM25 of <see cref="Ranking"/>): every searcher must use it.</summary>
    public Similarity Similarity => _similarity;

    /// <summary>True when the index was missing or unreadable and was created empty.</summary>
    public bool WasRecreated { get; }

    /// <summary>The store change sequence number the index writer holds (including changes not yet searchable or committed).</summary>
    public long ChangeSeq => Interlocked.Read(ref _changeSeq);

    /// <summary>The change number searches see: every paper written up to it can be found (readiness reports this one).</summary>
    public long SearchableChangeSeq => Interlocked.Read(ref _searchableSeq);

    /// <summary>The change number of the last successful commit: what survives a crash.</summary>
    public long CommittedChangeSeq => Interlocked.Read(ref _committedSeq);

    /// <summary>Documents in the index (as of the last refresh).</summary>
    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// Adds or replaces the papers' documents and drops the documents of deleted ids, then records <paramref name="changeSeq"/>.
    /// Papers in <paramref name="newPapers"/> are known to have no document yet, which saves the delete-by-id.
    /// </summary>
    public void ApplyChanges(IReadOnlyList<PaperChange> papers, IEnumerable<string> deletedIds, long changeSeq, IReadOnlySet<string>? newPapers = null) =>
        Write(generation =>
        {
            var writer = generation.Writer;
            foreach (var id in deletedIds) writer.DeleteDocuments(new Term(PaperFields.Id, id));
            // IndexWriter takes documents from several threads at once (one in-memory segment each): analysis is the costly part and runs on every core.
            Parallel.ForEach(papers, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, change =>
            {
                // A withdrawn paper keeps its page but leaves search: its document goes.
                if (change.Paper.WithdrawnOn is not null)
                {
                    writer.DeleteDocuments(new Term(PaperFields.Id, change.Paper.Id));
                    return;
                }
                var document = PaperDocumentFactory.Create(change.Paper, change.ChangeSeq, change.Tokens);
                if (newPapers?.Contains(change.Paper.Id) == true) writer.AddDocument(document);
                else writer.UpdateDocument(new Term(PaperFields.Id, change.Paper.Id), document);
            });
            if (changeSeq > ChangeSeq) Interlocked.Exchange(ref _changeSeq, changeSeq);
        });

    /// <summary>Adds or replaces papers that one store change (<paramref name="changeSeq"/>) wrote; see the other overload.</summary>
    /// <param name="papers">The papers.</param>
    /// <param name="deletedIds">Ids whose documents must go.</param>
    /// <param name="changeSeq">The store change.</param>
    /// <param name="newPapers">Ids known to have no document yet.</param>
    /// <param name="tokens">The papers' texts analysed already, one per paper; null to analyse them here.</param>
    public void Apply(IReadOnlyList<Paper> papers, IEnumerable<string> deletedIds, long changeSeq, IReadOnlySet<string>? newPapers = null, IReadOnlyList<PaperTokens>? tokens = null) =>
        ApplyChanges([.. papers.Select((p, i) => new PaperChange(p, changeSeq, tokens?[i]))], deletedIds, changeSeq, newPapers);

    /// <summary>Drops the documents of these ids (papers the store no longer has).</summary>
    public void Delete(IEnumerable<string> ids) =>
        Write(generation =>
        {
            foreach (var id in ids) generation.Writer.DeleteDocuments(new Term(PaperFields.Id, id));
        });

    /// <summary>Removes every document and resets the checkpoint: the next catch-up rebuilds from the store.</summary>
    public void Clear()
    {
        Write(generation =>
        {
            generation.Writer.DeleteAll();
            Interlocked.Exchange(ref _changeSeq, 0);
        });
        Commit();
    }

    /// <summary>Raised after a refresh made new changes searchable (for example to build caches before the next search needs them).</summary>
    public event Action? Refreshed;

    /// <summary>Makes recent changes visible to searches. Call after a batch, not per query.</summary>
    public void Refresh()
    {
        var applied = ChangeSeq;
        // A refresh flushes buffered documents to new segments: on a full disk this is where they fail.
        Write(_ =>
        {
            lock (_searchersChange) _current.Searchers.MaybeRefreshBlocking();
        });
        Interlocked.Exchange(ref _searchableSeq, applied);
        Refreshed?.Invoke();
    }

    /// <summary>
    /// Searchers from now on come from <paramref name="factory"/>, one per reader the index opens (Lucene's hook for
    /// per-reader state built when the reader opens; see <c>Search.Snapshots.SearchSnapshotFactory</c>). The current searchers
    /// are replaced at once; searches holding the old ones finish on them.
    /// </summary>
    public void UseSearcherFactory(SearcherFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (_recovery)
        lock (_searchersChange)
        {
            var replaced = _current;
            // Made before anything changes: a writer that cannot open a reader leaves the index as it was.
            var searchers = new SearcherManager(replaced.Writer, applyAllDeletes: true, factory);
            _searcherFactory = factory;
            _current = replaced with { Searchers = searchers };
            replaced.Searchers.Dispose();
        }
    }

    /// <summary>Makes changes durable, with the checkpoint. Costs an fsync: once per run or batch, not per paper.</summary>
    public void Commit()
    {
        var applied = ChangeSeq;
        Write(generation =>
        {
            var writer = generation.Writer;
            writer.SetCommitData(new Dictionary<string, string>
            {
                [ChangeSeqKey] = applied.ToString(CultureInfo.InvariantCulture),
                [SchemaKey] = Schema,
            });
            writer.Commit();
        });
        Interlocked.Exchange(ref _committedSeq, applied);
    }

    /// <summary>Runs <paramref name="work"/> with a searcher that stays valid for its duration.</summary>
    public T Search<T>(Func<IndexSearcher, T> work)
    {
        while (true)
        {
            var generation = _current;
            IndexSearcher searcher;
            try
            {
                searcher = generation.Searchers.Acquire();
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(generation, _current))
            {
                continue; // replaced by a recovery between reading it and acquiring: take the new one
            }
            try
            {
                return work(searcher);
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    /// <summary>Documents per change number among the searchable documents: what <see cref="IndexSynchronizer.VerifyAsync"/> compares with the store.</summary>
    public IReadOnlyDictionary<long, int> CountByChangeSeq()
    {
        var counts = new Dictionary<long, int>();
        ForEachSearchableDocument((_, _, seq) => counts[seq] = counts.GetValueOrDefault(seq) + 1);
        return counts;
    }

    /// <summary>Ids of the searchable documents written by one of <paramref name="changeSeqs"/>.</summary>
    public IReadOnlyList<string> IdsWithChangeSeqs(IReadOnlySet<long> changeSeqs)
    {
        var ids = new List<string>();
        ForEachSearchableDocument((reader, doc, seq) =>
        {
            if (changeSeqs.Contains(seq)) ids.Add(reader.Document(doc).Get(PaperFields.Id));
        });
        return ids;
    }

    /// <summary>Visits every live document of the current searcher with its store change number (0: none recorded).</summary>
    private void ForEachSearchableDocument(Action<AtomicReader, int, long> visit) => Search(searcher =>
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var seqs = reader.GetNumericDocValues(PaperFields.ChangeSeq);
            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc)) visit(reader, doc, seqs?.Get(doc) ?? 0);
            }
        }
        return 0;
    });

    /// <summary>The analyzer of every field (for query parsers and highlighters).</summary>
    public Analyzer Analyzer => _analyzer;

    public void Dispose()
    {
        var generation = _current;
        generation.Searchers.Dispose();
        try
        {
            generation.Writer.Dispose();
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // Closing commits what is buffered; on a full disk that fails. The last commit stays, and the next start catches up.
            _logger.LogWarning("The index could not save its last changes on close ({Reason}); the next start indexes them from the store", StorageFailure.Describe(e));
            RollBackQuietly(generation.Writer);
        }
        _analyzer.Dispose();
        _directory.Dispose();
        _ownerLock.Dispose();
    }

    /// <summary>
    /// Runs a write on the writer. On failure the writer is rolled back to its last commit and reopened, and the change
    /// number returns to the committed one (see the remarks on the type); the exception is rethrown to the caller.
    /// </summary>
    private void Write(Action<IndexGeneration> write)
    {
        if (_writerBroken) Reopen(_current);
        var generation = _current;
        try
        {
            write(generation);
        }
        catch (Exception e)
        {
            _logger.LogWarning("An index write failed ({Reason}); the index goes back to its last commit at change {Seq} and catches up from there", StorageFailure.Describe(e), CommittedChangeSeq);
            Reopen(generation);
            throw;
        }
    }

    private void Reopen(IndexGeneration failed)
    {
        lock (_recovery)
        {
            if (!ReferenceEquals(failed, _current)) return; // another thread has recovered already
            if (!_writerBroken) RollBackQuietly(failed.Writer);
            var committed = CommittedChangeSeq;
            Interlocked.Exchange(ref _changeSeq, committed);
            Interlocked.Exchange(ref _searchableSeq, Math.Min(SearchableChangeSeq, committed));
            try
            {
                _current = Open(OpenMode.CREATE_OR_APPEND);
                _writerBroken = false;
                Interlocked.Exchange(ref _searchableSeq, committed);
            }
            catch (Exception e)
            {
                // Searches keep the searchers they have; the next write tries again.
                _writerBroken = true;
                throw new IOException($"The index writer could not be reopened: {StorageFailure.Describe(e)}", e);
            }
            failed.Searchers.Dispose();
        }
        Refreshed?.Invoke();
    }

    private void RollBackQuietly(IndexWriter writer)
    {
        try
        {
            writer.Rollback();
        }
        catch (Exception e)
        {
            _logger.LogWarning("Rolling the index writer back failed ({Reason})", StorageFailure.Describe(e));
        }
    }

    private IndexGeneration Open(OpenMode mode)
    {
        var config = new IndexWriterConfig(PaperAnalyzer.Version, _analyzer)
        {
            OpenMode = mode,
            RAMBufferSizeMB = 64,
            Codec = new PaperCodec(),
            Similarity = _similarity,
        };
        var writer = new IndexWriter(_directory, config);
        try
        {
            if (mode == OpenMode.CREATE) writer.Commit();
            return new IndexGeneration(writer, new SearcherManager(writer, applyAllDeletes: true, _searcherFactory));
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Document count and checkpoint of the last commit, read from disk without the write lock (for a process that does not own the index).</summary>
    public static (int Documents, long ChangeSeq) ReadCommitted(string indexPath)
    {
        // A one-off read: plain file reads, so nothing stays mapped after the reader closes.
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        if (!DirectoryReader.IndexExists(directory)) return (0, 0);
        using var reader = DirectoryReader.Open(directory);
        return (reader.NumDocs, ParseChangeSeq(reader.IndexCommit.UserData));
    }

    /// <summary>The committed checkpoint; 0 (rebuild everything) when there is none or the index has another schema.</summary>
    private static long ParseChangeSeq(IDictionary<string, string> commitData) =>
        commitData.TryGetValue(SchemaKey, out var schema) && schema == Schema
        && commitData.TryGetValue(ChangeSeqKey, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var seq) ? seq : 0;

    private static long ReadCommittedChangeSeq(IndexWriter writer) => ParseChangeSeq(writer.CommitData);

    private void ClearDirectory()
    {
        foreach (var file in _directory.ListAll())
        {
            if (file != IndexWriter.WRITE_LOCK_NAME) _directory.DeleteFile(file);
        }
    }
}

using System.Globalization;
using Digest.Core.Papers;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
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
public sealed class PaperIndex : IDisposable
{
    private const string ChangeSeqKey = "change_seq";
    private const string SchemaKey = "schema";

    /// <summary>
    /// How documents are indexed (fields and analysis). Change it with <see cref="PaperDocumentFactory"/> or
    /// <see cref="PaperAnalyzer"/>: an index committed under another schema has no usable checkpoint, so opening it
    /// starts a rebuild from the store instead of searching documents that lack fields queries now use.
    /// </summary>
    public const string Schema = "2";

    static PaperIndex() => PaperCodec.Register();

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly IndexOwnerLock _ownerLock;
    private long _changeSeq;

    /// <summary>Opens (or creates) the index at <paramref name="indexPath"/>.</summary>
    /// <exception cref="IndexLockedException">another process holds the index.</exception>
    public PaperIndex(string indexPath, ILogger<PaperIndex> logger)
    {
        IndexPath = indexPath;
        System.IO.Directory.CreateDirectory(indexPath);
        _ownerLock = IndexOwnerLock.TryAcquire(indexPath) ?? throw new IndexLockedException(indexPath, new IOException($"{indexPath}.lock is held by another process"));
        // Not FSDirectory.Open (MMapDirectory on Linux) nor NIOFSDirectory: see MappedFileDirectory for why.
        _directory = new MappedFileDirectory(new DirectoryInfo(indexPath));
        _analyzer = PaperAnalyzer.Create();
        try
        {
            (_writer, _searchers) = Open(OpenMode.CREATE_OR_APPEND);
        }
        catch (LockObtainFailedException e)
        {
            _directory.Dispose();
            _ownerLock.Dispose();
            throw new IndexLockedException(indexPath, e);
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException)
        {
            logger.LogWarning(e, "The index at {IndexPath} could not be read; it is recreated and rebuilt from the store", indexPath);
            ClearDirectory();
            (_writer, _searchers) = Open(OpenMode.CREATE);
            WasRecreated = true;
        }

        _changeSeq = ReadCommittedChangeSeq(_writer);
        if (_changeSeq == 0 && !WasRecreated && _writer.NumDocs > 0)
        {
            // Documents without a checkpoint (or of another schema) cannot be trusted to match the store or the queries.
            logger.LogWarning("The index at {IndexPath} has no change checkpoint of schema {Schema}; it is rebuilt from the store", indexPath, Schema);
            _writer.DeleteAll();
        }
    }

    public string IndexPath { get; }

    /// <summary>True when the index was missing or unreadable and was created empty.</summary>
    public bool WasRecreated { get; }

    /// <summary>The store change sequence number the index reflects (including uncommitted, searchable changes).</summary>
    public long ChangeSeq => Interlocked.Read(ref _changeSeq);

    /// <summary>Documents in the index (as of the last refresh).</summary>
    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// Adds or replaces the papers' documents and drops the documents of deleted ids, then records <paramref name="changeSeq"/>.
    /// Papers in <paramref name="newPapers"/> are known to have no document yet, which saves the delete-by-id.
    /// </summary>
    public void Apply(IReadOnlyList<Paper> papers, IEnumerable<string> deletedIds, long changeSeq, IReadOnlySet<string>? newPapers = null)
    {
        foreach (var id in deletedIds) _writer.DeleteDocuments(new Term(PaperFields.Id, id));
        // IndexWriter takes documents from several threads at once (one in-memory segment each): analysis is the costly part and runs on every core.
        Parallel.ForEach(papers, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, paper =>
        {
            var document = PaperDocumentFactory.Create(paper);
            if (newPapers?.Contains(paper.Id) == true) _writer.AddDocument(document);
            else _writer.UpdateDocument(new Term(PaperFields.Id, paper.Id), document);
        });
        if (changeSeq > ChangeSeq) Interlocked.Exchange(ref _changeSeq, changeSeq);
    }

    /// <summary>Removes every document and resets the checkpoint: the next catch-up rebuilds from the store.</summary>
    public void Clear()
    {
        _writer.DeleteAll();
        Interlocked.Exchange(ref _changeSeq, 0);
        Commit();
    }

    /// <summary>Raised after a refresh made new changes searchable (for example to build caches before the next search needs them).</summary>
    public event Action? Refreshed;

    /// <summary>Makes recent changes visible to searches. Call after a batch, not per query.</summary>
    public void Refresh()
    {
        _searchers.MaybeRefreshBlocking();
        Refreshed?.Invoke();
    }

    /// <summary>Makes changes durable, with the checkpoint. Costs an fsync: once per run or batch, not per paper.</summary>
    public void Commit()
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [ChangeSeqKey] = ChangeSeq.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = Schema,
        });
        _writer.Commit();
    }

    /// <summary>Runs <paramref name="work"/> with a searcher that stays valid for its duration.</summary>
    public T Search<T>(Func<IndexSearcher, T> work)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The analyzer of every field (for query parsers and highlighters).</summary>
    public Analyzer Analyzer => _analyzer;

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _ownerLock.Dispose();
    }

    private (IndexWriter Writer, SearcherManager Searchers) Open(OpenMode mode)
    {
        var config = new IndexWriterConfig(PaperAnalyzer.Version, _analyzer)
        {
            OpenMode = mode,
            RAMBufferSizeMB = 64,
            Codec = new PaperCodec(),
        };
        var writer = new IndexWriter(_directory, config);
        try
        {
            if (mode == OpenMode.CREATE) writer.Commit();
            return (writer, new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null));
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

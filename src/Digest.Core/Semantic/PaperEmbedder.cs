using Digest.Core.Configuration;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Semantic;

/// <summary>
/// Embeds papers that lack a current embedding, a batch at a time, newest publication first, and keeps the in-memory
/// <see cref="SemanticIndex"/> in step with the store (new vectors, papers deleted or merged away). Resumable by
/// construction: what is pending is read from the store each time, so after a restart it simply continues.
/// </summary>
public sealed class PaperEmbedder(EmbeddingStore embeddings, PaperStore papers, TextEncoder encoder, SemanticIndex index, SemanticOptions options, ILogger<PaperEmbedder> logger, TimeProvider timeProvider)
{
    /// <summary>Setting holding what the stored fingerprints were computed for; a change re-checks every paper.</summary>
    public const string RecipeSettingKey = "semantic.recipe";

    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    private readonly Queue<(DateTimeOffset At, int Count)> _recent = new();
    private readonly Lock _progressLock = new();
    private long _deletionsSeenSeq;
    private long _idleAtSeq = -1;
    private long _papers;
    private volatile bool _loaded;
    private volatile string? _lastFailure;

    /// <summary>The model's name as stored with each vector.</summary>
    public string ModelName => encoder.Model.ToString();

    /// <summary>Fills the in-memory index from the store; call once before <see cref="RunBatchAsync"/>. Returns the vectors loaded.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken = default)
    {
        var recipe = $"{ModelName}/{options.MaxAbstractChars}";
        if (await papers.GetSettingAsync(RecipeSettingKey, cancellationToken) is { } stored && stored != recipe)
        {
            // Another cut: unchanged papers keep their vectors if the text embedded is the same (a short abstract), the rest re-embed.
            await embeddings.MarkAllForCheckAsync(cancellationToken);
            logger.LogInformation("Semantic settings changed from {Old} to {New}: every paper's embedding is checked again", stored, recipe);
        }
        await papers.SetSettingAsync(RecipeSettingKey, recipe, cancellationToken);
        // Deletions before this point are already gone from the store (the rows cascade); later ones are applied as they come.
        _deletionsSeenSeq = await papers.LatestChangeSeqAsync(cancellationToken);
        var loaded = 0;
        await foreach (var (paperId, vector) in embeddings.ReadAllAsync(ModelName, cancellationToken))
        {
            if (vector.Values.Length != TextEncoder.Dimensions) continue;
            index.Upsert(paperId, vector);
            loaded++;
        }
        _papers = await papers.CountAsync(cancellationToken);
        _loaded = true;
        return loaded;
    }

    /// <summary>
    /// Embeds (or re-stamps) up to <see cref="SemanticOptions.BatchSize"/> pending papers and applies deletions; returns
    /// how many papers it handled (0: nothing is pending). Cheap when idle: two indexed lookups while the store has not changed.
    /// </summary>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken = default)
    {
        var latest = await papers.LatestChangeSeqAsync(cancellationToken);
        if (latest == _idleAtSeq) return 0;
        await ApplyDeletionsAsync(latest, cancellationToken);
        var pending = await embeddings.ReadPendingAsync(ModelName, options.BatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            _idleAtSeq = latest;
            _papers = await papers.CountAsync(cancellationToken);
            return 0;
        }

        var restamped = new List<(string PaperId, long PaperSeq)>();
        var toEmbed = new List<(PendingPaper Paper, string Text, string Fingerprint)>();
        foreach (var paper in pending)
        {
            var text = EmbeddingText.For(paper.Title, paper.Abstract, options.MaxAbstractChars);
            var fingerprint = EmbeddingText.Fingerprint(text, ModelName);
            // Changed in something not embedded (topics, upvotes, a digest day): the vector stands.
            if (paper.Model == ModelName && paper.Fingerprint == fingerprint) restamped.Add((paper.Id, paper.ChangeSeq));
            else toEmbed.Add((paper, text, fingerprint));
        }
        var vectors = Encode(toEmbed.Select(p => p.Text).ToList(), cancellationToken);
        var stored = toEmbed.Select((p, i) => new PaperEmbedding(p.Paper.Id, ModelName, p.Fingerprint, p.Paper.ChangeSeq, vectors[i] is { } v ? QuantizedVector.From(v) : new QuantizedVector([], 0))).ToList();
        await embeddings.SaveAsync(stored, restamped, cancellationToken);
        foreach (var embedding in stored)
        {
            if (embedding.Vector.Values.Length > 0) index.Upsert(embedding.PaperId, embedding.Vector);
        }
        RecordRate(stored.Count);
        _lastFailure = null;
        if (_papers < index.Count) _papers = await papers.CountAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>Whether the stored vectors are in memory (searches before that find no semantic matches).</summary>
    public bool Loaded => _loaded;

    /// <summary>Why the last batch failed (a full disk, a busy store); null once a batch succeeds.</summary>
    public string? LastFailure => _lastFailure;

    /// <summary>Records why embedding stopped for now (shown in the status until a batch succeeds).</summary>
    public void ReportFailure(string? reason) => _lastFailure = reason;

    /// <summary>Where the embedder stands, from memory (cheap enough for every health probe).</summary>
    public EmbeddingProgress Progress
    {
        get
        {
            double rate;
            lock (_progressLock)
            {
                Trim(timeProvider.GetUtcNow());
                rate = _recent.Sum(r => r.Count) / RateWindow.TotalSeconds;
            }
            return EmbeddingProgress.Of(ModelName, Math.Max(Interlocked.Read(ref _papers), index.Count), index.Count, rate);
        }
    }

    /// <summary>Vectors for <paramref name="texts"/>; a text the model fails on gets null (stored as a failure, not tried again until the paper changes).</summary>
    private float[]?[] Encode(List<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return [];
        try
        {
            return encoder.Encode(texts, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && texts.Count > 1)
        {
            // One bad text must not hold back the batch: find it by encoding the texts alone.
            return [.. texts.Select(t => Encode([t], cancellationToken)[0])];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            logger.LogWarning(e, "The embedding model failed on a paper's text ({Length} characters); it is skipped until the paper changes", texts[0].Length);
            return [null];
        }
    }

    private async Task ApplyDeletionsAsync(long latest, CancellationToken cancellationToken)
    {
        if (latest <= _deletionsSeenSeq) return;
        foreach (var id in await papers.ReadDeletionsSinceAsync(_deletionsSeenSeq, cancellationToken)) index.Remove(id);
        _deletionsSeenSeq = latest;
    }

    private void RecordRate(int count)
    {
        lock (_progressLock)
        {
            var now = timeProvider.GetUtcNow();
            _recent.Enqueue((now, count));
            Trim(now);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek().At > RateWindow) _recent.Dequeue();
    }
}

using Digest.Core.Configuration;

namespace Digest.Core.Semantic;

/// <summary>
/// Embeds search queries: the text is untrusted, so it is cut to <see cref="SemanticOptions.MaxQueryChars"/> (the model
/// reads at most 512 tokens anyway), embedded at most <see cref="SemanticOptions.MaxConcurrentQueries"/> at a time, and
/// remembered (a query takes about 5 ms of CPU; paging through its results must not pay that again).
/// </summary>
public sealed class QueryEmbedder : IDisposable
{
    private readonly TextEncoder _encoder;
    private readonly SemanticOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _cacheLock = new();
    private readonly Dictionary<string, LinkedListNode<(string Query, float[] Vector)>> _cache = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Query, float[] Vector)> _recency = new();

    public QueryEmbedder(TextEncoder encoder, SemanticOptions options)
    {
        _encoder = encoder;
        _options = options;
        _slots = new SemaphoreSlim(options.MaxConcurrentQueries, options.MaxConcurrentQueries);
    }

    /// <summary>Whether queries can be embedded (semantic search is on and the model is loaded).</summary>
    public bool IsEnabled => _encoder.IsLoaded;

    /// <summary>
    /// The query's unit vector; null when semantic search is off or the query has no text. The array is the caller's own.
    /// </summary>
    public float[]? Embed(string? query, CancellationToken cancellationToken = default)
    {
        if (!IsEnabled || string.IsNullOrWhiteSpace(query)) return null;
        var text = EmbeddingText.Cut(string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), _options.MaxQueryChars);
        if (TryCached(text, out var cached)) return cached;
        _slots.Wait(cancellationToken);
        try
        {
            if (TryCached(text, out cached)) return cached;
            var vector = _encoder.Encode([_encoder.QueryPrefix + text], cancellationToken)[0];
            Remember(text, vector);
            return [.. vector];
        }
        finally
        {
            _slots.Release();
        }
    }

    private bool TryCached(string text, out float[] vector)
    {
        lock (_cacheLock)
        {
            if (_cache.TryGetValue(text, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                vector = [.. node.Value.Vector];
                return true;
            }
        }
        vector = [];
        return false;
    }

    private void Remember(string text, float[] vector)
    {
        if (_options.QueryCacheSize == 0) return;
        lock (_cacheLock)
        {
            if (_cache.ContainsKey(text)) return;
            _cache[text] = _recency.AddFirst((text, vector));
            while (_cache.Count > _options.QueryCacheSize)
            {
                _cache.Remove(_recency.Last!.Value.Query);
                _recency.RemoveLast();
            }
        }
    }

    public void Dispose() => _slots.Dispose();
}

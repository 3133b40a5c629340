namespace Digest.Core.Configuration;

/// <summary>
/// Semantic (dense) search settings (<c>Digest:Semantic</c>): a sentence-embedding model run in-process on the CPU,
/// papers embedded in the background, queries embedded when they are searched.
/// </summary>
public sealed class SemanticOptions
{
    /// <summary>Embed papers and queries. Off: no model is loaded, no background work runs, search is lexical only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Which packaged model embeds papers and queries. Chosen on SciFact train (all 5,183 abstracts, dense retrieval
    /// alone, title and 1,200 characters): MiniLM nDCG@10 0.662 and recall@100 0.934, arctic-embed-xs 0.666 and 0.907,
    /// at the same cost (both are 6-layer, 384-dimension BERTs). The ranking is a tie; MiniLM finds more of the relevant
    /// papers among its first 100, which is what a fusion with the lexical results draws on. Changing it re-embeds
    /// every paper in the background.
    /// </summary>
    public EmbeddingModel Model { get; set; } = EmbeddingModel.MiniLM;

    /// <summary>
    /// CPU threads one model run may use (ONNX Runtime's intra-op threads). The background embedder runs one batch at a
    /// time, so it takes at most this many cores; with 1 on a 2-core machine a core always stays free for searches.
    /// </summary>
    public int Threads { get; set; } = 1;

    /// <summary>Papers embedded per model run and per store write.</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>
    /// Characters of the abstract embedded after the title, cut at a word boundary. Chosen on SciFact train claims, dense
    /// retrieval alone over 1,565 abstracts (the 565 judged relevant to a train claim and 1,000 others): arctic-embed-xs
    /// nDCG@10 0.731 at 600 characters (31 ms of CPU a paper), 0.745 at 1,200 (82 ms), 0.753 whole (about 140 ms);
    /// MiniLM 0.743 at 600, 0.761 at 1,200. On all 5,183 abstracts 1,200 against 600: arctic 0.666 against 0.641, MiniLM
    /// 0.662 against 0.641. 1,200 keeps most of the gain of the whole abstract for 60 % of its cost, and is the whole
    /// abstract of most arXiv papers. Changing it re-embeds, in the background, the papers whose embedded text changes.
    /// </summary>
    public int MaxAbstractChars { get; set; } = 1200;

    /// <summary>Longest query embedded, in characters; a longer query is cut at a word boundary (the model reads at most 512 tokens).</summary>
    public int MaxQueryChars { get; set; } = 1000;

    /// <summary>Query embeddings kept in memory, so that paging through results or a repeated search embeds once.</summary>
    public int QueryCacheSize { get; set; } = 512;

    /// <summary>Queries embedded at once; more wait for their turn (each takes a core for a few milliseconds).</summary>
    public int MaxConcurrentQueries { get; set; } = 2;

    /// <summary>How often the background embedder looks for new or changed papers once it has embedded all of them.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

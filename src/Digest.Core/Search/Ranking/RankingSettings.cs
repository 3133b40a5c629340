namespace Digest.Core.Search.Ranking;

/// <summary>
/// How relevance is scored and how a query of many words relaxes. The defaults were chosen on the 809 SciFact train
/// queries with <c>benchmarks/Digest.Benchmarks -- relevance --sweep</c> (see the README's "How search ranks"); they
/// are not settings a reader tunes, but the benchmark and tests build other ones.
/// </summary>
public sealed record RankingSettings
{
    /// <summary>The ranking Digest ships with.</summary>
    public static RankingSettings Default { get; } = new();

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 0.9f;

    /// <summary>BM25 length normalisation (0 none, 1 full).</summary>
    public float B { get; init; } = 0.4f;

    /// <summary>
    /// How much a bare word's match in the title adds to its match anywhere in the text, in a keyword query (up to
    /// <see cref="AllWordsUpTo"/> words): "mamba" means papers about Mamba, and a known paper's title finds it first.
    /// </summary>
    public float KeywordTitleBoost { get; init; } = 3f;

    /// <summary>The same for a longer, natural-language query, where the abstract says as much as the title (0 on SciFact train).</summary>
    public float TitleBoost { get; init; }

    /// <summary>The title boost for a query of <paramref name="words"/> whitespace-separated words.</summary>
    public float TitleBoostFor(int words) => words <= AllWordsUpTo ? KeywordTitleBoost : TitleBoost;

    /// <summary>
    /// Up to this many words, every word must match (a known paper's title, "mamba state space"); longer queries need
    /// only <see cref="MinimumMatch"/> of their words.
    /// </summary>
    public int AllWordsUpTo { get; init; } = 3;

    /// <summary>The share of a longer query's words a paper must contain (rounded up, at least <see cref="FewestWords"/>).</summary>
    public double MinimumMatch { get; init; } = 0.1;

    /// <summary>The fewest words a paper must contain for a longer query (before falling back to any one word).</summary>
    public int FewestWords { get; init; } = 1;

    /// <summary>Weight of adjacent query words found near each other (0 turns proximity scoring off).</summary>
    public float ProximityBoost { get; init; } = 0.25f;

    /// <summary>How far apart two adjacent query words may be to count as near (positions).</summary>
    public int ProximitySlop { get; init; } = 8;

    /// <summary>
    /// The words a paper must contain for a query of <paramref name="words"/> bare words: all of them up to
    /// <see cref="AllWordsUpTo"/>, then <see cref="MinimumMatch"/> of them but never fewer than <see cref="FewestWords"/>.
    /// </summary>
    public int RequiredWords(int words) =>
        words <= AllWordsUpTo ? words : Math.Min(words, Math.Max(FewestWords, (int)Math.Ceiling(words * MinimumMatch - 1e-9)));

    /// <summary>How many of a natural-language query's nearest papers in meaning join its matches (hybrid search).</summary>
    public int SemanticNeighbours { get; init; } = 200;

    /// <summary>The lexical share of a hybrid score (the rest is semantic similarity); 1 would rank by words alone.</summary>
    public float LexicalWeight { get; init; } = 0.6f;
}

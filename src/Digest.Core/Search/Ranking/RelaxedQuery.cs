using Lucene.Net.Search;

namespace Digest.Core.Search.Ranking;

/// <summary>
/// A parsed query planned for ranking: what to run first and what to run when that finds nothing.
/// </summary>
/// <param name="First">The query to run: all words required up to <see cref="RankingSettings.AllWordsUpTo"/>, most of them past it.</param>
/// <param name="Looser">Any one word required, run when <paramref name="First"/> finds nothing; null when it would be the same query.</param>
/// <param name="Words">The bare words the query's relaxable part has (after <paramref name="Ignored"/> were left out).</param>
/// <param name="Required">How many of <paramref name="Words"/> <paramref name="First"/> requires.</param>
/// <param name="Ignored">Question words left out of the query, as typed.</param>
/// <param name="OnlyWords">True when the query is nothing but bare words (no phrase, field, prefix, negation or OR).</param>
public sealed record RelaxedQuery(Query First, Query? Looser, int Words, int Required, IReadOnlyList<string> Ignored, bool OnlyWords)
{
    /// <summary>A query with nothing to relax: run as parsed.</summary>
    public static RelaxedQuery AsParsed(Query query) => new(query, null, 0, 0, [], OnlyWords: false);
}

using Digest.Core.Search.Limits;
using Digest.Core.Search.Results;
using Lucene.Net.Search;

namespace Digest.Core.Search.Ranking;

/// <summary>
/// Lexical and semantic matches fused into one Lucene query. The match set is the lexical query's matches joined with
/// the query's semantic neighbours (the <see cref="RankingSettings.SemanticNeighbours"/> embedded papers nearest it
/// in the whole index, whatever the filters); filters then narrow that set like any other, so facet counts equal the
/// totals their links lead to. Each paper scores a convex combination: <see cref="RankingSettings.LexicalWeight"/>
/// times its BM25 score over the best one, plus the rest times its similarity scaled between the farthest and the
/// nearest neighbour (0 for papers that are not neighbours).
/// </summary>
internal static class HybridQuery
{
    /// <summary>The fused query; null when no neighbour is indexed or finding the best lexical score ran out of the search's time budget.</summary>
    public static Query? Combine(
        IndexSearcher searcher, Query lexical, IReadOnlyList<SemanticNeighbour> neighbours, RankingSettings settings, SearchDeadline deadline)
    {
        var scores = NeighbourScores(searcher, neighbours, 1f - settings.LexicalWeight);
        if (scores.Count == 0) return null;
        var top = TopScoreDocCollector.Create(1, docsScoredInOrder: true);
        try
        {
            // The fusion's cost is the search's: the pass for the best score counts against its budget.
            deadline.Start();
            searcher.Search(lexical, new DeadlineCollector(top, deadline));
        }
        catch (SearchBudgetExceededException)
        {
            return null;
        }
        var best = top.GetTopDocs().MaxScore;
        var combined = new BooleanQuery(disableCoord: true);
        if (best > 0 && !float.IsNaN(best))
        {
            // Wrapped, not re-boosted: the parsed query may be reused (snippets, suggestions) with its own boost.
            var scaled = new BooleanQuery(disableCoord: true) { { lexical, Occur.MUST } };
            scaled.Boost = settings.LexicalWeight / best;
            combined.Add(scaled, Occur.SHOULD);
        }
        combined.Add(new DocScoresQuery(scores), Occur.SHOULD);
        return combined;
    }

    /// <summary>Each neighbour's document and its share of the score: <paramref name="weight"/> times its min-max scaled similarity.</summary>
    private static Dictionary<int, float> NeighbourScores(IndexSearcher searcher, IReadOnlyList<SemanticNeighbour> neighbours, float weight)
    {
        var scores = new Dictionary<int, float>();
        if (neighbours.Count == 0) return scores;
        var nearest = neighbours.Max(n => n.Similarity);
        var farthest = neighbours.Min(n => n.Similarity);
        var range = nearest - farthest;
        foreach (var neighbour in neighbours)
        {
            if (PaperDocuments.Find(searcher, neighbour.PaperId) is not { } doc) continue; // embedded, but deleted from the index since
            var scaled = range > 0 ? (neighbour.Similarity - farthest) / range : 1f;
            // A tiny floor keeps the farthest neighbour a match with a positive score (a zero score still matches, but sorts as noise).
            scores[doc] = weight * Math.Max(scaled, 1e-4f);
        }
        return scores;
    }
}

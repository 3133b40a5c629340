using Digest.Core.Search.Queries;
using Lucene.Net.Search;

namespace Digest.Core.Search.Ranking;

/// <summary>
/// Turns "every word must match" into a ranking that degrades gracefully with length. Only the top-level bare words of
/// a query relax: phrases, fields, prefixes, <c>-word</c> and <c>OR</c> groups keep their meaning exactly. A query of
/// up to <see cref="RankingSettings.AllWordsUpTo"/> words still needs all of them (known-item and keyword searches stay
/// precise); a longer one needs <see cref="RankingSettings.MinimumMatch"/> of them, and BM25 ranks the papers with more
/// (and rarer) of the words first. When that finds nothing, any one word is enough. Adjacent words found near each
/// other add <see cref="RankingSettings.ProximityBoost"/>.
/// </summary>
internal static class QueryRelaxation
{
    // Proximity clauses per query: each is a positional scan, and a 40-word query would otherwise add 39.
    private const int MaxNearPairs = 12;

    public static RelaxedQuery Plan(Query parsed, PaperQueryParser parser, RankingSettings settings)
    {
        if (parsed is not BooleanQuery boolean || boolean.MinimumNumberShouldMatch > 0) return RelaxedQuery.AsParsed(parsed);

        var words = new List<(Query Query, IReadOnlyList<string> Words)>();
        var others = new List<BooleanClause>();
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur != Occur.MUST || !CollectBareWords(clause.Query, parser, words)) others.Add(clause);
        }

        // Question words go only when something else is left to search for.
        var ignored = new List<string>();
        var kept = words.Where(w => !w.Words.All(QuestionWords.Contains)).ToList();
        if (kept.Count > 0 || others.Any(c => c.Occur != Occur.MUST_NOT))
        {
            ignored.AddRange(words.Except(kept).SelectMany(w => w.Words).Distinct(StringComparer.OrdinalIgnoreCase));
        }
        else
        {
            kept = words;
        }

        var count = kept.Sum(w => w.Words.Count);
        if (kept.Count <= 1 && ignored.Count == 0) return RelaxedQuery.AsParsed(parsed);

        var required = settings.RequiredWords(count);
        var near = NearClauses(kept.SelectMany(w => w.Words).ToList(), parser, settings);
        var first = Build(kept, others, near, required == count ? kept.Count : UnitsFor(kept, required));
        var looser = kept.Count > 1 && required > 1 ? Build(kept, others, near, 1) : null;
        return new RelaxedQuery(first, looser, count, required, ignored, OnlyWords: others.Count == 0);
    }

    /// <summary>
    /// Adds the bare words <paramref name="query"/> is made of: itself, or a group of only required bare words (a
    /// parenthesised abbreviation, "(AMPK)", or "word: more words" with an unknown field), whose words relax like the
    /// others. False, adding nothing, for anything else.
    /// </summary>
    private static bool CollectBareWords(Query query, PaperQueryParser parser, List<(Query Query, IReadOnlyList<string> Words)> words)
    {
        if (parser.BareWords(query) is { } bare)
        {
            words.Add((query, bare));
            return true;
        }
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0 } group || group.Boost != 1f || group.Clauses.Count == 0) return false;
        var found = new List<(Query Query, IReadOnlyList<string> Words)>();
        foreach (var clause in group.Clauses)
        {
            if (clause.Occur != Occur.MUST || !CollectBareWords(clause.Query, parser, found)) return false;
        }
        words.AddRange(found);
        return true;
    }

    /// <summary>The fewest clauses that can hold <paramref name="requiredWords"/> words (a joined pair holds two).</summary>
    private static int UnitsFor(List<(Query Query, IReadOnlyList<string> Words)> units, int requiredWords)
    {
        var sizes = units.Select(u => u.Words.Count).OrderDescending().ToList();
        var (taken, words) = (0, 0);
        while (words < requiredWords && taken < sizes.Count) words += sizes[taken++];
        return Math.Max(1, taken);
    }

    private static Query Build(
        List<(Query Query, IReadOnlyList<string> Words)> words, List<BooleanClause> others, List<Query> near, int minimumUnits)
    {
        Query? wordPart = null;
        if (words.Count == 1 || minimumUnits >= words.Count)
        {
            var all = new BooleanQuery(disableCoord: true);
            foreach (var (query, _) in words) all.Add(query, Occur.MUST);
            wordPart = words.Count == 0 ? null : all;
        }
        else
        {
            var some = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = minimumUnits };
            foreach (var (query, _) in words) some.Add(query, Occur.SHOULD);
            wordPart = some;
        }

        var result = new BooleanQuery(disableCoord: true);
        if (wordPart is not null) result.Add(wordPart, Occur.MUST);
        foreach (var clause in others) result.Add(clause);
        foreach (var clause in near) result.Add(clause, Occur.SHOULD);
        return result;
    }

    private static List<Query> NearClauses(List<string> words, PaperQueryParser parser, RankingSettings settings)
    {
        var near = new List<Query>();
        if (settings.ProximityBoost <= 0) return near;
        for (var i = 0; i + 1 < words.Count && near.Count < MaxNearPairs; i++)
        {
            if (parser.NearQuery(words[i], words[i + 1]) is not { } pair) continue;
            pair.Boost = settings.ProximityBoost;
            near.Add(pair);
        }
        return near;
    }
}

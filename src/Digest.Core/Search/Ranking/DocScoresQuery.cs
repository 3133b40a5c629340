using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Digest.Core.Search.Ranking;

/// <summary>
/// Matches exactly the given documents of one reader and scores each with the score given for it (times the boost):
/// how semantic neighbours, found outside Lucene, join a Lucene query, so filters, facet counts, sorts and paging treat
/// them like any other match. Valid only on the reader whose document numbers were given (one search).
/// </summary>
internal sealed class DocScoresQuery : Query
{
    private readonly int[] _docs;
    private readonly float[] _scores;

    /// <param name="scores">Score by top-level document number of the searcher's reader.</param>
    public DocScoresQuery(IReadOnlyDictionary<int, float> scores)
    {
        _docs = [.. scores.Keys.Order()];
        _scores = [.. _docs.Select(d => scores[d])];
    }

    /// <summary>The documents matched, ascending.</summary>
    public IReadOnlyList<int> Docs => _docs;

    public override Weight CreateWeight(IndexSearcher searcher) => new DocScoresWeight(this);

    // No terms: nothing for snippets to mark.
    public override void ExtractTerms(ISet<Term> terms)
    {
    }

    public override string ToString(string field) => $"docScores({_docs.Length} docs)^{Boost}";

    public override bool Equals(object? obj) =>
        obj is DocScoresQuery other && other.Boost == Boost && other._docs.AsSpan().SequenceEqual(_docs) && other._scores.AsSpan().SequenceEqual(_scores);

    public override int GetHashCode() => HashCode.Combine(_docs.Length, _docs.FirstOrDefault(), Boost);

    private sealed class DocScoresWeight(DocScoresQuery query) : Weight
    {
        private float _weight = 1f;

        public override Query Query => query;

        public override float GetValueForNormalization() => query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost) => _weight = query.Boost * topLevelBoost;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var start = LowerBound(query._docs, context.DocBase);
            var end = LowerBound(query._docs, context.DocBase + context.Reader.MaxDoc);
            return start == end ? null : new DocScoresScorer(this, query, context.DocBase, start, end, acceptDocs, _weight);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var index = Array.BinarySearch(query._docs, context.DocBase + doc);
            return index < 0
                ? new ComplexExplanation(false, 0f, "not a semantic neighbour")
                : new ComplexExplanation(true, query._scores[index] * _weight, "semantic neighbour score");
        }

        private static int LowerBound(int[] sorted, int value)
        {
            var index = Array.BinarySearch(sorted, value);
            return index < 0 ? ~index : index;
        }
    }

    private sealed class DocScoresScorer(Weight weight, DocScoresQuery query, int docBase, int start, int end, IBits? acceptDocs, float factor) : Scorer(weight)
    {
        private int _position = start - 1;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => 1;

        public override float GetScore() => query._scores[_position] * factor;

        public override int NextDoc()
        {
            while (++_position < end)
            {
                var local = query._docs[_position] - docBase;
                if (acceptDocs is null || acceptDocs.Get(local)) return _doc = local;
            }
            return _doc = NO_MORE_DOCS;
        }

        public override int Advance(int target)
        {
            while (_doc < target && _doc != NO_MORE_DOCS) NextDoc();
            return _doc;
        }

        public override long GetCost() => end - start;
    }
}

using Digest.Core.Indexing;
using Digest.Core.Search.Results;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace Digest.Core.Search.Listings;

/// <summary>Papers similar to one paper by title and abstract (Lucene's MoreLikeThis). Thread-safe.</summary>
internal sealed class RelatedPapers(Analyzer analyzer)
{
    /// <summary>Up to <paramref name="count"/> papers like <paramref name="paperId"/>, best first, never the paper itself.</summary>
    public IReadOnlyList<SearchResult> Find(IndexSearcher searcher, string paperId, int count)
    {
        var self = new TermQuery(new Term(PaperFields.Id, paperId));
        var found = searcher.Search(self, 1);
        if (found.TotalHits == 0) return [];
        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            FieldNames = [PaperFields.Title, PaperFields.Abstract],
            Analyzer = analyzer,
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 25,
        };
        var like = new BooleanQuery { { moreLikeThis.Like(found.ScoreDocs[0].Doc), Occur.SHOULD }, { self, Occur.MUST_NOT } };
        var hits = searcher.Search(like, Math.Min(count, 100));
        return [.. hits.ScoreDocs.Select(hit => SearchResultReader.Read(searcher, hit.Doc, hit.Score, snippets: null))];
    }
}

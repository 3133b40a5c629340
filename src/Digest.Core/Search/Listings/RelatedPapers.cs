using Digest.Core.Indexing;
using Digest.Core.Search.Ranking;
using Digest.Core.Search.Results;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace Digest.Core.Search.Listings;

/// <summary>
/// Papers similar to one paper: its nearest papers in meaning when it is embedded (they find related work that words
/// miss), else by title and abstract words (Lucene's MoreLikeThis). Thread-safe.
/// </summary>
internal sealed class RelatedPapers(Analyzer analyzer, ISemanticNeighbours? semantic)
{
    /// <summary>Up to <paramref name="count"/> papers like <paramref name="paperId"/>, best first, never the paper itself.</summary>
    public IReadOnlyList<SearchResult> Find(IndexSearcher searcher, string paperId, int count)
    {
        if (PaperDocuments.Find(searcher, paperId) is not { } doc) return [];
        count = Math.Min(count, 100);
        if (semantic is { IsAvailable: true } && Nearest(searcher, paperId, count) is { Count: > 0 } near) return near;
        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            FieldNames = [PaperFields.Title, PaperFields.Abstract],
            Analyzer = analyzer,
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 25,
        };
        var self = new TermQuery(new Term(PaperFields.Id, paperId));
        var like = new BooleanQuery { { moreLikeThis.Like(doc), Occur.SHOULD }, { self, Occur.MUST_NOT } };
        var hits = searcher.Search(like, count);
        return [.. hits.ScoreDocs.Select(hit => SearchResultReader.Read(searcher, hit.Doc, hit.Score, snippets: null))];
    }

    /// <summary>The embedded papers nearest this one's embedding that are still indexed; empty when it has none.</summary>
    private List<SearchResult> Nearest(IndexSearcher searcher, string paperId, int count)
    {
        var results = new List<SearchResult>(count);
        foreach (var neighbour in semantic!.NearPaper(paperId, count + 1))
        {
            if (neighbour.PaperId == paperId) continue;
            if (PaperDocuments.Find(searcher, neighbour.PaperId) is not { } doc) continue;
            results.Add(SearchResultReader.Read(searcher, doc, neighbour.Similarity, snippets: null));
            if (results.Count == count) break;
        }
        return results;
    }
}

using Digest.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Results;

/// <summary>Finds a paper's document in a searcher's reader by its id (the one exact term every document has).</summary>
internal static class PaperDocuments
{
    /// <summary>The document number of <paramref name="paperId"/> in <paramref name="searcher"/>'s reader, or null when it is not indexed.</summary>
    public static int? Find(IndexSearcher searcher, string paperId)
    {
        var found = searcher.Search(new TermQuery(new Term(PaperFields.Id, paperId)), 1);
        return found.TotalHits == 0 ? null : found.ScoreDocs[0].Doc;
    }
}

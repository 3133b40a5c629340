using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Digest.Core.Indexing;

/// <summary>Every searcher the index hands out scores with the index's similarity (the default would be TF-IDF).</summary>
internal sealed class PaperSearcherFactory(Similarity similarity) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
}

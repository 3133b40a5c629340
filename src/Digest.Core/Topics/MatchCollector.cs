using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Topics;

/// <summary>
/// Records only whether a query matched the one document of a <see cref="Lucene.Net.Index.Memory.MemoryIndex"/>.
/// It asks for documents in order on purpose: Lucene then scores boolean queries with BooleanScorer2 instead of
/// the out-of-order BooleanScorer, whose 2,048-bucket table is rebuilt per search and made every OR query
/// about 25 times slower than a term query (MemoryIndex.Search takes the out-of-order path).
/// </summary>
internal sealed class MatchCollector : ICollector
{
    public bool Matched { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void Reset() => Matched = false;

    public void Collect(int doc) => Matched = true;

    public void SetNextReader(AtomicReaderContext context)
    {
    }

    public void SetScorer(Scorer scorer)
    {
    }
}

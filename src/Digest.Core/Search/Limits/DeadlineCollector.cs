using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Limits;

/// <summary>
/// Passes every document to another collector and stops the search once the <see cref="SearchDeadline"/> passed
/// (by throwing <see cref="SearchBudgetExceededException"/>; what was collected so far stays in the inner collector).
/// The clock is read once per <see cref="CheckInterval"/> documents and at each segment: reading it per document
/// would cost more than collecting.
/// </summary>
internal sealed class DeadlineCollector : ICollector
{
    private const int CheckInterval = 1024;

    private readonly ICollector _inner;
    private readonly SearchDeadline _deadline;
    private int _sinceCheck;

    public DeadlineCollector(ICollector inner, SearchDeadline deadline)
    {
        _inner = inner;
        _deadline = deadline;
    }

    public bool AcceptsDocsOutOfOrder => _inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _deadline.ThrowIfPassed();
        _inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (--_sinceCheck < 0)
        {
            _sinceCheck = CheckInterval;
            _deadline.ThrowIfPassed();
        }
        _inner.Collect(doc);
    }
}

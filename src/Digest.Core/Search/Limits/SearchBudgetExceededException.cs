namespace Digest.Core.Search.Limits;

/// <summary>
/// Thrown from inside a Lucene search (a collector or a term expansion) when <see cref="SearchDeadline"/> passed:
/// the only way to stop <c>IndexSearcher.Search</c> midway, as Lucene's own TimeLimitingCollector does.
/// Caught by <see cref="SearchService"/>, which keeps what was collected; it never reaches callers.
/// </summary>
internal sealed class SearchBudgetExceededException : Exception
{
    public SearchBudgetExceededException()
        : base("The search took longer than its time budget.")
    {
    }

    public SearchBudgetExceededException(string message)
        : base(message)
    {
    }

    public SearchBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

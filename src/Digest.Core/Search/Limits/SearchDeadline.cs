using System.Diagnostics;

namespace Digest.Core.Search.Limits;

/// <summary>
/// The time budget of one search (<see cref="SearchLimits.TimeBudget"/>). It starts once the per-reader caches are
/// ready, so the first search on a new reader is not cut short for building them; until then it never passes.
/// Checked by the collectors, the expansion of prefix terms and the spelling corrector.
/// </summary>
internal sealed class SearchDeadline
{
    private readonly long _budgetTicks;
    private long _deadline = long.MaxValue;

    public SearchDeadline(TimeSpan budget) =>
        _budgetTicks = (long)Math.Min(long.MaxValue / 2.0, budget.TotalSeconds * Stopwatch.Frequency);

    /// <summary>True when the budget was spent (and the search should stop with what it has).</summary>
    public bool Passed => Stopwatch.GetTimestamp() >= _deadline;

    /// <summary>Starts the clock; later calls change nothing.</summary>
    public void Start()
    {
        if (_deadline == long.MaxValue) _deadline = Stopwatch.GetTimestamp() + _budgetTicks;
    }

    /// <summary>Throws <see cref="SearchBudgetExceededException"/> when the budget was spent.</summary>
    public void ThrowIfPassed()
    {
        if (Passed) throw new SearchBudgetExceededException();
    }
}

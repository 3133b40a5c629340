namespace Digest.Core.Search;

/// <summary>Checks <see cref="SearchLimits"/> at start-up; each message names the setting as written in configuration and in the environment.</summary>
public static class SearchLimitsValidator
{
    /// <summary>Adds a message to <paramref name="failures"/> for every setting out of range.</summary>
    public static void Validate(SearchLimits limits, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Check(limits.MaxQueryLength, 20, 10_000, nameof(SearchLimits.MaxQueryLength), failures);
        Check(limits.MaxQueryWords, 4, 1_000, nameof(SearchLimits.MaxQueryWords), failures);
        Check(limits.MaxPhraseWords, 2, 1_000, nameof(SearchLimits.MaxPhraseWords), failures);
        Check(limits.MaxExpandingTerms, 0, 100, nameof(SearchLimits.MaxExpandingTerms), failures);
        Check(limits.MaxFuzzyExpansions, 1, 1_000, nameof(SearchLimits.MaxFuzzyExpansions), failures);
        // Lucene refuses a Boolean query of more than 1024 clauses.
        Check(limits.MaxPrefixExpansions, 1, 1_024, nameof(SearchLimits.MaxPrefixExpansions), failures);
        Check(limits.MaxClauses, 16, 1_024, nameof(SearchLimits.MaxClauses), failures);
        Check(limits.MaxCorrectedWords, 0, 100, nameof(SearchLimits.MaxCorrectedWords), failures);
        Check(limits.MaxConcurrentPerClient, 1, 1_000, nameof(SearchLimits.MaxConcurrentPerClient), failures);
        Check(limits.QueuePerClient, 0, 1_000, nameof(SearchLimits.QueuePerClient), failures);
        Check(limits.MaxConcurrent, 1, 10_000, nameof(SearchLimits.MaxConcurrent), failures);
        Check(limits.Queue, 0, 10_000, nameof(SearchLimits.Queue), failures);
        if (limits.TimeBudget < TimeSpan.FromMilliseconds(10) || limits.TimeBudget > TimeSpan.FromMinutes(1))
        {
            failures.Add("Digest:Search:TimeBudget (Digest__Search__TimeBudget) must be between 00:00:00.01 and 00:01:00.");
        }
        if (limits.ClientSearchTimePerSecond < TimeSpan.Zero || limits.ClientSearchTimePerSecond > TimeSpan.FromSeconds(60))
        {
            failures.Add("Digest:Search:ClientSearchTimePerSecond (Digest__Search__ClientSearchTimePerSecond) must be between 00:00:00 (off) and 00:01:00.");
        }
        if (limits.ClientSearchTimeBurst < TimeSpan.FromMilliseconds(100) || limits.ClientSearchTimeBurst > TimeSpan.FromHours(1))
        {
            failures.Add("Digest:Search:ClientSearchTimeBurst (Digest__Search__ClientSearchTimeBurst) must be between 00:00:00.1 and 01:00:00.");
        }
        if (limits.MaxConcurrentPerClient > limits.MaxConcurrent)
        {
            failures.Add("Digest:Search:MaxConcurrentPerClient (Digest__Search__MaxConcurrentPerClient) must not exceed Digest:Search:MaxConcurrent.");
        }
    }

    private static void Check(int value, int min, int max, string name, List<string> failures)
    {
        if (value < min || value > max) failures.Add($"Digest:Search:{name} (Digest__Search__{name}) must be between {min} and {max}.");
    }
}

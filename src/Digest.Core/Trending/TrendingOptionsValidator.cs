namespace Digest.Core.Trending;

/// <summary>Checks <see cref="TrendingOptions"/> at start-up; each message names the setting as written in configuration and in the environment.</summary>
public static class TrendingOptionsValidator
{
    /// <summary>Adds a message to <paramref name="failures"/> for every setting out of range.</summary>
    public static void Validate(TrendingOptions options, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Below 0.1 age hardly matters (a year-old paper outranks today's with a few more votes); above 5 a day-old paper is buried.
        Check(options.Gravity, 0.1, 5, nameof(TrendingOptions.Gravity), failures);
        Check(options.AppearanceWeight, 0, 1_000, nameof(TrendingOptions.AppearanceWeight), failures);
    }

    private static void Check(double value, double min, double max, string name, List<string> failures)
    {
        // NaN fails both comparisons the wrong way round: test for the range itself.
        if (!(value >= min && value <= max)) failures.Add($"Digest:Trending:{name} (Digest__Trending__{name}) must be between {min} and {max}.");
    }
}

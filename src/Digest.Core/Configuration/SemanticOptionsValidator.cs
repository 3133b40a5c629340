namespace Digest.Core.Configuration;

/// <summary>Checks <see cref="SemanticOptions"/> at start-up; each message names the setting as written in configuration and in the environment.</summary>
public static class SemanticOptionsValidator
{
    /// <summary>Adds a message to <paramref name="failures"/> for every setting out of range.</summary>
    public static void Validate(SemanticOptions options, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Model))
        {
            failures.Add($"Digest:Semantic:Model (Digest__Semantic__Model) must be one of {string.Join(", ", Enum.GetNames<EmbeddingModel>())}.");
        }
        Check(options.Threads, 1, 64, nameof(SemanticOptions.Threads), failures);
        Check(options.BatchSize, 1, 256, nameof(SemanticOptions.BatchSize), failures);
        // About 512 tokens of scientific English: the model reads no more.
        Check(options.MaxAbstractChars, 100, 3_000, nameof(SemanticOptions.MaxAbstractChars), failures);
        Check(options.MaxQueryChars, 20, 3_000, nameof(SemanticOptions.MaxQueryChars), failures);
        Check(options.QueryCacheSize, 0, 100_000, nameof(SemanticOptions.QueryCacheSize), failures);
        Check(options.MaxConcurrentQueries, 1, 64, nameof(SemanticOptions.MaxConcurrentQueries), failures);
        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Digest:Semantic:PollInterval (Digest__Semantic__PollInterval) must be between 00:00:00.1 and 01:00:00.");
        }
    }

    private static void Check(int value, int min, int max, string name, List<string> failures)
    {
        if (value < min || value > max) failures.Add($"Digest:Semantic:{name} (Digest__Semantic__{name}) must be between {min} and {max}.");
    }
}

namespace Digest.Core.Search.Ranking;

/// <summary>What a reader is told when a query was relaxed: which words were left out, and how much of the query results match.</summary>
internal static class RelaxationMessages
{
    private const int MaxListed = 8;

    /// <summary>Said when papers close in meaning joined the word matches.</summary>
    public const string Semantic = "Papers close in meaning to your query are included, not only those with its words.";

    public static IEnumerable<string> For(RelaxedQuery plan, bool partial, bool matchedAnyWord)
    {
        if (plan.Ignored.Count > 0)
        {
            var listed = string.Join(", ", plan.Ignored.Take(MaxListed).Select(w => $"“{w}”"));
            yield return $"Left out of the search as question words: {listed}{(plan.Ignored.Count > MaxListed ? ", …" : "")}.";
        }
        if (!partial) yield break;
        yield return matchedAnyWord
            ? $"No paper has {(plan.Required == plan.Words ? "all" : $"{plan.Required}")} of your {plan.Words} words together; these match some of them, those with the most first."
            : plan.Required == 1
                ? $"Showing papers with any of your {plan.Words} words, those with the most of them first."
                : $"Showing papers with at least {plan.Required} of your {plan.Words} words, those with the most first.";
    }
}

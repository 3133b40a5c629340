namespace Digest.Core.Search.Ranking;

/// <summary>
/// Words that shape a question but say nothing about its subject ("what", "which", "does", "is there"). The analyzer's
/// stop words (the, is, of, …) never reach a query; these do, so a bare one is left out of a query that has other
/// words. Inside a phrase or a field they are kept.
/// </summary>
internal static class QuestionWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "which", "who", "whom", "whose", "why", "how", "when", "where", "whether",
        "do", "does", "did", "can", "could", "would", "should", "may", "might", "must", "shall",
        "has", "have", "had", "were", "been", "being", "am", "any", "some", "there", "here",
        "i", "we", "you", "me", "my", "our", "your", "about", "find", "papers", "paper",
    };

    public static bool Contains(string word) => Words.Contains(word);
}

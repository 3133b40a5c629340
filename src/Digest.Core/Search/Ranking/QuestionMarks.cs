using System.Text.RegularExpressions;

namespace Digest.Core.Search.Ranking;

/// <summary>
/// A question mark that ends a word ("does mamba scale?") is punctuation, not the one-character wildcard the query
/// syntax gives it: a reader asking a question would otherwise search "scale" followed by any one letter. Inside a word
/// ("te?t") it stays a wildcard.
/// </summary>
internal static partial class QuestionMarks
{
    public static string Strip(string query) => query.Contains('?') ? WordEndingQuestionMarks().Replace(query, "") : query;

    [GeneratedRegex(@"(?<=[\p{L}\p{N})""])\?+(?=[\s)""]|$)")]
    private static partial Regex WordEndingQuestionMarks();
}

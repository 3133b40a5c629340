using System.Text;

namespace Digest.Core.Arxiv;

/// <summary>
/// Turns an untrusted title into an arXiv <c>search_query</c> for that exact title: <c>ti:"words of the title"</c>.
/// Only letters, digits and single spaces reach the query, so nothing in a title can close the phrase, add a field
/// (<c>au:</c>), group or negate. arXiv's operator words (AND, OR, ANDNOT, NOT) never reach it as words: the title is
/// split at them into phrases that must all match (<c>ti:"To Be" AND ti:"To Be"</c>). Punctuation is a word break to
/// arXiv's search as it is to <see cref="Papers.PaperId.TitleKey"/>, so the phrases still find the title, and a hit is
/// taken only when its title key matches exactly.
/// </summary>
public static class ArxivTitleQuery
{
    /// <summary>Characters of the title searched; the phrase is cut at a word, and the exact title-key check decides.</summary>
    public const int MaxPhraseLength = 200;

    private static readonly HashSet<string> Operators = new(["AND", "OR", "ANDNOT", "NOT"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>search_query</c> value (not yet URL-encoded), or null when the title has no words to search.</summary>
    public static string? For(string title)
    {
        var phrases = new List<List<string>> { new() };
        var length = 0;
        foreach (var word in Words(title))
        {
            if (length + word.Length + 1 > MaxPhraseLength) break;
            length += word.Length + 1;
            if (Operators.Contains(word)) phrases.Add([]);
            else phrases[^1].Add(word);
        }
        var parts = phrases.Where(p => p.Count > 0).Select(p => $"ti:\"{string.Join(' ', p)}\"").ToList();
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    private static IEnumerable<string> Words(string title)
    {
        var word = new StringBuilder();
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0) yield return word.ToString();
    }
}

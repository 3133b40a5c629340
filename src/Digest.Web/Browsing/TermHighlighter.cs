using System.Net;
using System.Text;

namespace Digest.Web.Browsing;

/// <summary>
/// Marks the words of a search query in a full abstract on the paper page. The index's snippets cover ~250
/// characters; the paper page shows all of it, so it marks words itself: encoded text plus <c>&lt;mark&gt;</c> only.
/// A word matches when it starts with a query term of three or more letters (a cheap stand-in for stemming).
/// </summary>
public static class TermHighlighter
{
    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "not", "the", "for", "with" };

    /// <summary>HTML for <paramref name="text"/>: every character encoded, query words wrapped in <c>&lt;mark&gt;</c>.</summary>
    public static string Highlight(string text, string? query)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return WebUtility.HtmlEncode(text);

        var html = new StringBuilder(text.Length + 64);
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            var isWord = char.IsLetterOrDigit(text[start]);
            while (end < text.Length && char.IsLetterOrDigit(text[end]) == isWord) end++;
            var piece = text[start..end];
            if (isWord && terms.Any(t => piece.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
                html.Append("<mark>").Append(WebUtility.HtmlEncode(piece)).Append("</mark>");
            else
                html.Append(WebUtility.HtmlEncode(piece));
            start = end;
        }
        return html.ToString();
    }

    private static List<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query.AsSpan(0, Math.Min(query.Length, 500)))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            // "field:" prefixes are syntax, not words to mark.
            if (c != ':') Keep(word, terms);
            word.Clear();
        }
        Keep(word, terms);
        return terms;
    }

    private static void Keep(StringBuilder word, List<string> terms)
    {
        if (word.Length < 3 || terms.Count >= 20) return;
        var term = word.ToString();
        if (!Operators.Contains(term)) terms.Add(term.Length > 5 ? term[..^1] : term);
    }
}

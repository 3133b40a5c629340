using System.Net;
using System.Text;
using Digest.Core.Indexing;

namespace Digest.Core.Search.Snippets;

/// <summary>
/// Writes part of a stored text as HTML: every character encoded, hits wrapped in <c>&lt;mark&gt;</c> (the only
/// markup), and an ellipsis where the text was cut.
/// </summary>
internal static class SnippetHtml
{
    public const string Ellipsis = "…";

    /// <summary>
    /// HTML for characters [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>. Hits
    /// (ordered by start) that overlap, or are parts of one compound with only hyphens between them, share one mark:
    /// "<c>&lt;mark&gt;fine-tuning&lt;/mark&gt;</c>", not two. Hits cut by the window are not marked.
    /// </summary>
    public static string Write(string text, int start, int end, List<TermHit> hits)
    {
        var html = new StringBuilder(end - start + 64);
        if (start > 0) html.Append(Ellipsis);
        var written = start;
        var i = 0;
        while (i < hits.Count && hits[i].Start < end)
        {
            var hit = hits[i++];
            if (hit.Start < written || hit.End > end) continue;
            var markEnd = hit.End;
            while (i < hits.Count && hits[i].End <= end && (hits[i].Start <= markEnd || OnlyHyphens(text, markEnd, hits[i].Start)))
            {
                markEnd = Math.Max(markEnd, hits[i++].End);
            }
            Encode(html, text, written, hit.Start);
            html.Append("<mark>");
            Encode(html, text, hit.Start, markEnd);
            html.Append("</mark>");
            written = markEnd;
        }
        Encode(html, text, written, end);
        if (end < text.Length) html.Append(Ellipsis);
        return html.ToString();
    }

    private static void Encode(StringBuilder html, string text, int start, int end)
    {
        if (end > start) html.Append(WebUtility.HtmlEncode(text[start..end]));
    }

    private static bool OnlyHyphens(string text, int start, int end)
    {
        if (end <= start) return false;
        for (var i = start; i < end; i++)
        {
            if (!HyphenatedWordTokenizer.IsHyphen(text[i])) return false;
        }
        return true;
    }
}

using System.Text;
using Digest.Core.Text;
using Microsoft.AspNetCore.Html;

namespace Digest.Web.Browsing;

/// <summary>
/// Marks the math in titles and abstracts for the browser: each <c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c> or <c>\[…\]</c>
/// becomes <c>&lt;span class="math" data-display="false"&gt;$x^2$&lt;/span&gt;</c>, HTML-encoded like all other text.
/// wwwroot/js/math.js renders the spans with the vendored KaTeX; without script, or when KaTeX cannot, the TeX stays
/// readable as written. A page that marked math says so (<see cref="OnPage"/>), and only then does the layout load KaTeX.
/// </summary>
public static class MathMarkup
{
    private const string OnPageKey = "Digest.MathOnPage";

    /// <summary>Plain text, encoded, with its math marked.</summary>
    public static IHtmlContent Text(HttpContext context, string text)
    {
        var content = new HtmlContentBuilder();
        if (!MayHaveMath(text)) return content.Append(text);
        foreach (var segment in TexMathScanner.Split(text))
        {
            var part = text.Substring(segment.Start, segment.Length);
            if (!segment.IsMath)
            {
                content.Append(part);
                continue;
            }
            Used(context);
            content.AppendHtml(Open(segment.IsDisplay)).Append(part).AppendHtml("</span>");
        }
        return content;
    }

    /// <summary>
    /// HTML that is encoded text with <c>&lt;mark&gt;</c> only (the search service's titles, snippets and marked
    /// abstracts), with its math marked; marks inside math are dropped, as TeX has no place for them.
    /// </summary>
    public static IHtmlContent Html(HttpContext context, string html)
    {
        // A snippet that starts inside the abstract may start inside math: its dollars would pair wrongly. It stays text.
        if (!MayHaveMath(html) || html.StartsWith(TextShortening.Ellipsis, StringComparison.Ordinal)) return new HtmlString(html);
        var marked = new StringBuilder(html.Length + 64);
        foreach (var segment in TexMathScanner.Split(html))
        {
            var part = html.AsSpan(segment.Start, segment.Length);
            if (!segment.IsMath)
            {
                marked.Append(part);
                continue;
            }
            Used(context);
            // Entities (&amp;) stay: the span's text is the TeX again once the browser has read them.
            marked.Append(Open(segment.IsDisplay)).Append(part.ToString().Replace("<mark>", "").Replace("</mark>", "")).Append("</span>");
        }
        return new HtmlString(marked.ToString());
    }

    /// <summary>True when this response marked any math: the layout then loads KaTeX, its styles and fonts.</summary>
    public static bool OnPage(HttpContext context) => context.Items.ContainsKey(OnPageKey);

    private static bool MayHaveMath(string text) => text.AsSpan().IndexOfAny('$', '\\') >= 0;

    private static string Open(bool display) => display ? """<span class="math" data-display="true">""" : """<span class="math" data-display="false">""";

    private static void Used(HttpContext context) => context.Items[OnPageKey] = true;
}

using System.Net;
using Digest.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Digest.Core.Search;

/// <summary>
/// HTML-safe titles and abstract snippets for one request: the stored text is encoded, and the only markup
/// added is <c>&lt;mark&gt;</c> around the query's terms. Not thread-safe (highlighters keep state): one per request.
/// </summary>
internal sealed class SnippetBuilder
{
    public const int FragmentSize = 250;

    private readonly Analyzer _analyzer;
    private readonly Highlighter? _title;
    private readonly Highlighter? _abstract;

    public SnippetBuilder(Query? query, Analyzer analyzer)
    {
        _analyzer = analyzer;
        if (query is null) return;
        var titleScorer = new QueryScorer(query, PaperFields.Title);
        _title = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), titleScorer)
        {
            TextFragmenter = new NullFragmenter(),
        };
        var abstractScorer = new QueryScorer(query, PaperFields.Abstract);
        _abstract = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), abstractScorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(abstractScorer, FragmentSize),
        };
    }

    public string Title(string title) => Highlight(_title, PaperFields.Title, title) ?? WebUtility.HtmlEncode(title);

    public string Abstract(string text) => Highlight(_abstract, PaperFields.Abstract, text) ?? WebUtility.HtmlEncode(Truncate(text, FragmentSize));

    /// <summary>The text cut at a word boundary at most <paramref name="length"/> characters in, with an ellipsis when cut.</summary>
    public static string Truncate(string text, int length)
    {
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)].TrimEnd(' ', ',', ';', ':') + "…";
    }

    private string? Highlight(Highlighter? highlighter, string field, string text)
    {
        if (highlighter is null || text.Length == 0) return null;
        try
        {
            return highlighter.GetBestFragment(_analyzer, field, text);
        }
        catch (InvalidTokenOffsetsException)
        {
            // Unusual text the analyzer maps to odd offsets: the plain, encoded text is still a fine snippet.
            return null;
        }
    }
}

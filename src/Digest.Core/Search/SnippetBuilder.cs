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

    /// <param name="query">The parsed user query (not the filters); null when browsing.</param>
    /// <param name="analyzer">The index's analyzer: snippets re-analyse the stored text the same way.</param>
    /// <param name="searcher">Expands prefix and wildcard terms so their matches are marked too.</param>
    public SnippetBuilder(Query? query, Analyzer analyzer, IndexSearcher searcher)
    {
        _analyzer = analyzer;
        if (query is null) return;
        var rewritten = searcher.Rewrite(query);
        _title = Create(rewritten, PaperFields.Title, new NullFragmenter());
        _abstract = Create(rewritten, PaperFields.Abstract, null);
    }

    /// <summary>
    /// A highlighter over the query's terms for one field, extracted once per request. QueryScorer can also extract
    /// them per text, position-aware, but that builds an in-memory index of every abstract shown when the query has
    /// a phrase (and hyphenated words are phrases): several milliseconds per page for marks that differ only in
    /// rare cases where phrase words also occur apart.
    /// </summary>
    private static Highlighter? Create(Query query, string field, IFragmenter? fragmenter)
    {
        var terms = QueryTermExtractor.GetTerms(query, false, field);
        if (terms.Length == 0) return null;
        var scorer = new QueryScorer([.. terms.Select(t => new WeightedSpanTerm(t.Weight, t.Term))]);
        return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = fragmenter ?? new SimpleSpanFragmenter(scorer, FragmentSize),
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

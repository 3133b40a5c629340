using System.Net;
using Digest.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace Digest.Core.Search.Snippets;

/// <summary>
/// HTML-safe titles and abstract snippets for one request: the stored text is encoded, and the only markup added is
/// <c>&lt;mark&gt;</c> around words holding the query's terms, found as the index analysed them
/// (<see cref="QueryTermFinder"/>). Lucene's Highlighter ran every abstract shown through the whole analyzer chain,
/// a fifth of a search's time; looking each word up in a memo shared by all requests is several times cheaper.
/// Not thread-safe (it reuses a list of hits): one per request.
/// </summary>
internal sealed class SnippetBuilder
{
    public const int FragmentSize = 250;

    // Abstracts run to a few thousand characters; the bound keeps odd stored text (megabytes in one field) cheap.
    private const int MaxScannedChars = 50 * 1024;

    private readonly QueryTermFinder? _title;
    private readonly QueryTermFinder? _abstract;
    private readonly List<TermHit> _hits = [];

    /// <param name="query">The parsed user query (not the filters); null when browsing.</param>
    /// <param name="analyzer">The index's analyzer: stored words are analysed the same way.</param>
    /// <param name="searcher">Expands prefix, wildcard and fuzzy queries to index terms so their matches are marked too.</param>
    /// <param name="rewritten"><paramref name="query"/> as the search rewrote it, when at hand (rewriting fuzzy terms again costs as much as the first time).</param>
    public SnippetBuilder(Query? query, Analyzer analyzer, IndexSearcher searcher, Query? rewritten = null)
    {
        if (query is null) return;
        // Bare words are matched in the all-text field: its terms are marked in titles and abstracts alike.
        var terms = new QueryTermsToMark(query, searcher, [PaperFields.Title, PaperFields.Abstract, PaperFields.Text], rewritten);
        var anywhere = terms.In(PaperFields.Text);
        _title = Finder([.. terms.In(PaperFields.Title), .. anywhere], analyzer, PaperFields.Title);
        _abstract = Finder([.. terms.In(PaperFields.Abstract), .. anywhere], analyzer, PaperFields.Abstract);
    }

    /// <summary>The whole title, encoded, with the query's terms marked.</summary>
    public string Title(string title)
    {
        try
        {
            if (_title is { } finder && FindHits(finder, title)) return SnippetHtml.Write(title, 0, title.Length, _hits);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Marks are decoration; a failure on odd stored text must not fail the search. Tests cover odd input.
        }
        return WebUtility.HtmlEncode(title);
    }

    /// <summary>
    /// About <see cref="FragmentSize"/> characters of the abstract, encoded, with the query's terms marked: the window
    /// with the most of them (<see cref="SnippetWindow"/>), or the abstract's start when none occurs.
    /// </summary>
    public string Abstract(string text)
    {
        try
        {
            if (_abstract is { } finder && FindHits(finder, text))
            {
                var (start, end) = text.Length <= FragmentSize ? (0, text.Length) : SnippetWindow.Choose(text, _hits, finder.TermCount, FragmentSize);
                return SnippetHtml.Write(text, start, end, _hits);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // As for titles: the plain, encoded start of the text is still a fine snippet.
        }
        return WebUtility.HtmlEncode(Truncate(text, FragmentSize));
    }

    /// <summary>The whole abstract, encoded, with the query's terms marked (the paper page shows all of it).</summary>
    public string WholeAbstract(string text)
    {
        try
        {
            if (_abstract is { } finder && FindHits(finder, text)) return SnippetHtml.Write(text, 0, text.Length, _hits);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // As for titles: marks are decoration.
        }
        return WebUtility.HtmlEncode(text);
    }

    /// <summary>The text cut at a word boundary at most <paramref name="length"/> characters in, with an ellipsis when cut.</summary>
    public static string Truncate(string text, int length)
    {
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length);
        if (cut <= length / 2) cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut].TrimEnd(' ', ',', ';', ':') + SnippetHtml.Ellipsis;
    }

    private static QueryTermFinder? Finder(IReadOnlyCollection<string> terms, Analyzer analyzer, string field) =>
        terms.Count == 0 ? null : new QueryTermFinder(terms, WordTermsMemo.For(analyzer, field));

    /// <summary>Fills <see cref="_hits"/> with the hits of <paramref name="finder"/>'s terms in <paramref name="text"/>; false when there are none.</summary>
    private bool FindHits(QueryTermFinder finder, string text)
    {
        _hits.Clear();
        if (text.Length == 0) return false;
        finder.Find(text, Math.Min(text.Length, MaxScannedChars), _hits);
        return _hits.Count > 0;
    }
}

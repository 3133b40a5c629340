namespace Digest.Core.Indexing;

/// <summary>
/// Every Lucene field name Digest uses, defined once. Facet fields are indexed twice under the same name:
/// as a <c>StringField</c> (to filter with a term) and as a <c>SortedSetDocValuesField</c> (to count).
/// </summary>
public static class PaperFields
{
    /// <summary>Paper id; exact, stored, and sorted doc values (the trending order breaks ties by id).</summary>
    public const string Id = "id";

    /// <summary>arXiv id; stored only.</summary>
    public const string ArxivId = "arxiv_id";

    /// <summary>Title; English analysis, stored (result lists, highlighting).</summary>
    public const string Title = "title";

    /// <summary>Abstract; English analysis, stored (snippets, related papers).</summary>
    public const string Abstract = "abstract";

    /// <summary>
    /// Title, keywords, abstract and author names in one field (English analysis, not stored), where bare words are
    /// matched: a word is one posting list instead of four, so a query of two common words is a conjunction of two
    /// lists instead of two four-way unions. Values are <see cref="TextValueGap"/> positions apart, so a phrase never
    /// spans two of them.
    /// </summary>
    public const string Text = "text";

    /// <summary>Positions between two values of <see cref="Text"/>: more than any phrase slop a query uses.</summary>
    public const int TextValueGap = 100;

    /// <summary>Author names, one value per author; name analysis (no stemming), stored in order.</summary>
    public const string Author = "author";

    /// <summary>Author names exact: facet and filter.</summary>
    public const string AuthorExact = "author_exact";

    /// <summary>Source keywords; English analysis.</summary>
    public const string Keyword = "keyword";

    /// <summary>Source categories (<c>cs.LG</c>): facet and filter, stored.</summary>
    public const string Category = "category";

    /// <summary>Topic slugs: facet and filter, stored.</summary>
    public const string Topic = "topic";

    /// <summary>Publication year (<c>2025</c>): facet and filter.</summary>
    public const string Year = "year";

    /// <summary>Publication month (<c>2025-05</c>): facet and filter.</summary>
    public const string Month = "month";

    /// <summary><c>yes</c> or <c>no</c>: whether a code link is known. Facet and filter.</summary>
    public const string HasCode = "code";

    /// <summary>The date a paper is filed under (publication date, else its first digest day) as <c>yyyyMMdd</c>: Int32 field for ranges, numeric doc values for sorting.</summary>
    public const string Published = "published";

    /// <summary>Publication date <c>yyyy-MM-dd</c> as a source stated it, stored only; absent when only digest days date the paper.</summary>
    public const string PublishedText = "published_text";

    /// <summary>Digest days <c>yyyy-MM-dd</c>: filter, facet (day listing), stored.</summary>
    public const string DigestDay = "digest_day";

    /// <summary>Code repository URLs, stored only.</summary>
    public const string CodeUrl = "code_url";

    /// <summary>The source's upvotes (Hugging Face): numeric doc values, stored (null when the source gave none).</summary>
    public const string Upvotes = "upvotes";

    /// <summary>Every vote the trending score counts (<see cref="Papers.Paper.Votes"/>: source upvotes plus readers'): numeric doc values, stored.</summary>
    public const string Votes = "votes";

    /// <summary>When the paper appeared (<see cref="Trending.TrendingScore.Appeared"/>), Unix seconds: numeric doc values, stored.</summary>
    public const string Appeared = "appeared";

    /// <summary>How many digest days listed the paper: Int32 field (to find papers no digest listed) and numeric doc values.</summary>
    public const string Appearances = "appearances";

    /// <summary>The store change that last wrote the paper: numeric doc values, for verifying the index against the store.</summary>
    public const string ChangeSeq = "change_seq";

    /// <summary>
    /// Title completion keys (not stored): <see cref="CompletionKey.Normalize"/> of the title, then the title as written and the
    /// paper id, so a completion is read from the term alone (see <see cref="Search.Queries.PrefixCompletions"/>).
    /// </summary>
    public const string TitleCompletion = "title_completion";

    /// <summary>Author completion keys (not stored): the name's <see cref="CompletionKey.Normalize"/> from each name part on, then the name as written.</summary>
    public const string AuthorCompletion = "author_completion";

    /// <summary>Separates a completion key from what it completes to; a control character, which no typed prefix holds.</summary>
    public const char CompletionSeparator = '\u001F';

    /// <summary>Value of <see cref="HasCode"/> for papers with code.</summary>
    public const string Yes = "yes";

    /// <summary>Value of <see cref="HasCode"/> for papers without code.</summary>
    public const string No = "no";
}

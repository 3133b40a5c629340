using Digest.Core.Papers;
using Digest.Core.Search.Snippets;
using Lucene.Net.Search;

namespace Digest.Core.Search.Results;

/// <summary>Reads a result from a document's stored fields (only for the results shown, never per hit).</summary>
internal static class SearchResultReader
{
    /// <summary>The result for <paramref name="doc"/>, its stored fields read by a <see cref="ResultFieldsVisitor"/>.</summary>
    public static SearchResult Read(IndexSearcher searcher, int doc, float score, SnippetBuilder? snippets)
    {
        var fields = new ResultFieldsVisitor();
        searcher.Doc(doc, fields);
        return new SearchResult
        {
            Id = fields.Id ?? "",
            ArxivId = fields.ArxivId,
            Title = fields.Title,
            TitleHtml = snippets?.Title(fields.Title) ?? System.Net.WebUtility.HtmlEncode(fields.Title),
            SnippetHtml = snippets?.Abstract(fields.Abstract),
            Abstract = fields.Abstract,
            Authors = fields.Authors,
            Published = IsoDay.Parse(fields.PublishedText),
            Topics = fields.Topics,
            Categories = fields.Categories,
            CodeUrls = fields.CodeUrls,
            DigestDays = [.. fields.DigestDays.Select(day => IsoDay.Parse(day)).OfType<DateOnly>()],
            Upvotes = fields.Upvotes,
            Votes = fields.Votes,
            Appeared = fields.Appeared is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            Score = score,
        };
    }
}

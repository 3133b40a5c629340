using System.Globalization;
using Digest.Core.Indexing;
using Lucene.Net.Documents;

namespace Digest.Core.Search;

/// <summary>Reads a result from a document's stored fields (only for the results shown, never per hit).</summary>
internal static class SearchResultReader
{
    public static SearchResult Read(Document document, float score, SnippetBuilder? snippets)
    {
        var title = document.Get(PaperFields.Title) ?? "";
        return new SearchResult
        {
            Id = document.Get(PaperFields.Id),
            ArxivId = document.Get(PaperFields.ArxivId),
            Title = title,
            TitleHtml = snippets?.Title(title) ?? System.Net.WebUtility.HtmlEncode(title),
            SnippetHtml = snippets?.Abstract(document.Get(PaperFields.Abstract) ?? ""),
            Authors = document.GetValues(PaperFields.Author),
            Published = ParseDay(document.Get(PaperFields.PublishedText)),
            Topics = document.GetValues(PaperFields.Topic),
            Categories = document.GetValues(PaperFields.Category),
            CodeUrls = document.GetValues(PaperFields.CodeUrl),
            DigestDays = [.. document.GetValues(PaperFields.DigestDay).Select(ParseDay).OfType<DateOnly>()],
            Upvotes = document.GetField(PaperFields.Upvotes)?.GetInt32Value(),
            Score = score,
        };
    }

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

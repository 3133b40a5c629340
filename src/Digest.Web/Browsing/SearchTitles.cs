using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Text;
using Digest.Core.Topics;

namespace Digest.Web.Browsing;

/// <summary>
/// Page titles and meta descriptions that name the query and filters, so tabs, bookmarks, history entries and search
/// engine results say which view they are.
/// </summary>
public static class SearchTitles
{
    public static string For(SearchRequest request, Taxonomy taxonomy, string emptyTitle = "All papers")
    {
        var parts = new List<string>();
        if (Quoted(request) is { } query) parts.Add(query);
        parts.AddRange(Filters(request, taxonomy));
        var title = parts.Count == 0 ? emptyTitle : string.Join(" · ", parts);
        return request.Page > 1 ? $"{title} (page {request.Page})" : title;
    }

    /// <summary>
    /// The meta description of a search view, for example "1,204 papers matching “diffusion” in cs.LG, 2024, with
    /// code": the same words as the title, with the count a searcher weighs before clicking.
    /// </summary>
    public static string Describe(SearchResponse response, Taxonomy taxonomy)
    {
        var request = response.Request;
        var text = CountPhrase.Of(response.TotalHits, "paper");
        if (Quoted(request) is { } query) text += " matching " + query;
        var filters = Filters(request, taxonomy);
        if (filters.Count > 0) text += " in " + string.Join(", ", filters);
        if (request.Page > 1) text += $", page {request.Page} of {response.PageCount}";
        return text + ". Research papers from arXiv and daily digests, with abstracts, code links and BibTeX.";
    }

    /// <summary>The title of a digest day's page and feed, for example "Digest of 13 January 2025".</summary>
    public static string Day(DateOnly day) => "Digest of " + day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string? Quoted(SearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Query) ? null : "“" + TextShortening.Shorten(request.Query, 80) + "”";

    /// <summary>Each filter of <paramref name="request"/> as it reads: topic labels, categories, years, dates, code, authors.</summary>
    private static List<string> Filters(SearchRequest request, Taxonomy taxonomy)
    {
        var parts = new List<string>();
        if (request.WithinTopic is { } within) parts.Add(taxonomy.Find(within)?.Label ?? within);
        parts.AddRange(request.Topics.Select(t => taxonomy.Find(t)?.Label ?? t));
        parts.AddRange(request.ExcludedTopics.Select(t => "not " + (taxonomy.Find(t)?.Label ?? t)));
        parts.AddRange(request.Categories);
        parts.AddRange(request.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        if (request.From is { } from) parts.Add("from " + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.To is { } to) parts.Add("to " + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.HasCode is { } code) parts.Add(code ? "with code" : "without code");
        parts.AddRange(request.Authors.Select(author => TextShortening.Shorten(author, 80)));
        return parts;
    }
}

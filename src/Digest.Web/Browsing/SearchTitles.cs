using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Text;
using Digest.Core.Topics;

namespace Digest.Web.Browsing;

/// <summary>Page titles that name the query and filters, so tabs, bookmarks and history entries say which view they are.</summary>
public static class SearchTitles
{
    public static string For(SearchRequest request, Taxonomy taxonomy, string emptyTitle = "All papers")
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(request.Query)) parts.Add("“" + TextShortening.Shorten(request.Query, 80) + "”");
        if (request.WithinTopic is { } within) parts.Add(taxonomy.Find(within)?.Label ?? within);
        parts.AddRange(request.Topics.Select(t => taxonomy.Find(t)?.Label ?? t));
        parts.AddRange(request.ExcludedTopics.Select(t => "not " + (taxonomy.Find(t)?.Label ?? t)));
        parts.AddRange(request.Categories);
        parts.AddRange(request.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        if (request.From is { } from) parts.Add("from " + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.To is { } to) parts.Add("to " + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.HasCode is { } code) parts.Add(code ? "with code" : "without code");
        parts.AddRange(request.Authors.Select(author => TextShortening.Shorten(author, 80)));
        var title = parts.Count == 0 ? emptyTitle : string.Join(" · ", parts);
        return request.Page > 1 ? $"{title} (page {request.Page})" : title;
    }

    /// <summary>The title of a digest day's page and feed, for example "Digest of 13 January 2025".</summary>
    public static string Day(DateOnly day) => "Digest of " + day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

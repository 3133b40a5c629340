using System.Globalization;
using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Text;
using Digest.Core.Topics;

namespace Digest.Web.Browsing;

/// <summary>
/// The <c>&lt;meta name="description"&gt;</c> of each page: what a search engine shows under the page's link. A page
/// sets <c>ViewData["Description"]</c> (most through these builders); the layout shortens it and falls back to
/// <see cref="Site"/>, so a new page has one without code of its own.
/// </summary>
public static class PageDescriptions
{
    /// <summary>About what search engines show before they cut a description.</summary>
    public const int MaxLength = 155;

    /// <summary>The description of a page that sets none.</summary>
    public const string Site = "Digest: research papers from arXiv and daily digests, searchable by words, topics, authors, categories and years, with feeds and BibTeX.";

    /// <summary>The meta description for <paramref name="description"/>: white space collapsed, cut at a word near <see cref="MaxLength"/>.</summary>
    public static string ForMeta(string? description) =>
        string.IsNullOrWhiteSpace(description) ? Site : TextShortening.ShortenAtWord(description, MaxLength);

    /// <summary>A paper: the start of its abstract, or its title and authors when it has none.</summary>
    public static string Paper(Paper paper)
    {
        if (!string.IsNullOrWhiteSpace(paper.Abstract)) return paper.Abstract;
        var authors = paper.Authors.Count switch
        {
            0 => "",
            1 => " by " + paper.Authors[0],
            2 => $" by {paper.Authors[0]} and {paper.Authors[1]}",
            _ => $" by {paper.Authors[0]} and others",
        };
        return $"“{paper.Title}”{authors}: the paper, its links and BibTeX on Digest.";
    }

    /// <summary>The front page: the latest digest day and how many papers it lists.</summary>
    public static string Front(DateOnly? latestDay, int papersThatDay) => latestDay is { } day
        ? $"Research papers, daily: the digest of {Long(day)} lists {CountPhrase.Of(papersThatDay, "paper")}. Search every paper by words, topics, authors, categories and years."
        : Site;

    /// <summary>The topics page: how many topics, and the largest ones by name.</summary>
    public static string Topics(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, int> counts)
    {
        var largest = topics.Where(t => t.Parent is null).OrderByDescending(t => counts.GetValueOrDefault(t.Slug)).Take(5).Select(t => t.Label);
        return $"{CountPhrase.Of(topics.Count, "topic")} of research papers, each with its papers per month: {string.Join(", ", largest)} and more.";
    }

    /// <summary>A topic page: its count and description, or the search view's description once narrowed.</summary>
    public static string Topic(Topic topic, SearchResponse response, Taxonomy taxonomy)
    {
        var request = response.Request;
        var narrowed = !string.IsNullOrWhiteSpace(request.Query) || (request with { WithinTopic = null }).HasFilters || request.Page > 1;
        if (narrowed) return SearchTitles.Describe(response, taxonomy);
        var about = string.IsNullOrWhiteSpace(topic.Description) ? "" : " " + topic.Description;
        return $"{CountPhrase.Of(response.TotalHits, "paper")} on {topic.Label}.{about}";
    }

    /// <summary>The list of digest days.</summary>
    public static string DigestDays(IReadOnlyList<DigestDayCount> days) => days.Count == 0
        ? "Digest days: the papers each daily digest listed."
        : $"{CountPhrase.Of(days.Count, "digest day")} of research papers, newest first: {Long(days[0].Day)} lists {CountPhrase.Of(days[0].Count, "paper")}.";

    /// <summary>A digest day: its count and the first titles it lists.</summary>
    public static string DigestDay(DateOnly day, SearchResponse papers) =>
        $"The {CountPhrase.Of(papers.TotalHits, "paper")} of the digest of {Long(day)}: " + string.Join("; ", papers.Results.Take(3).Select(r => r.Title));

    private static string Long(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

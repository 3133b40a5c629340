using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Text;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Endpoints;

namespace Digest.Web.Feeds;

/// <summary>
/// Atom feeds of every list page, at the page's URL under <c>/feeds</c> (see <see cref="FeedUrls"/>): searches,
/// topics, one digest day, and the digest days (also the home page's feed). Parameters are read by the pages' own
/// <see cref="SearchQueryReader"/>; one it cannot understand is a 400, an unknown topic or day a 404, never a 500.
/// </summary>
public static class FeedEndpoints
{
    /// <summary>Titles listed per day in the digest-days feed; the day's page has the rest.</summary>
    private const int TitlesPerDay = 30;

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FeedUrls.Prefix + SearchUrls.SearchPath, Search);
        endpoints.MapGet(FeedUrls.Prefix + "/topics/{slug}", Topic);
        endpoints.MapGet(FeedUrls.Prefix + "/digests/{day}", Day);
        endpoints.MapGet(FeedUrls.Prefix + "/digests", Days);
        endpoints.MapGet(FeedUrls.Prefix, Days);
        return endpoints;
    }

    internal static IResult Search(HttpContext context, FeedResponder feeds)
    {
        if (Read(context, out var input, out var limit) is { } invalid) return invalid;
        var taxonomy = feeds.Taxonomy;
        var urls = new SearchUrls();
        return feeds.Serve(context, taxonomy, FeedUrls.For(urls, input.Request), FeedUrls.Page(urls, input.Request), limit,
            SearchTitles.For(input.Request with { Page = 1 }, taxonomy),
            (baseUrl, undated) => Papers(feeds, taxonomy, input.Request, limit, baseUrl, undated));
    }

    internal static IResult Topic(string slug, HttpContext context, FeedResponder feeds)
    {
        var taxonomy = feeds.Taxonomy;
        if (taxonomy.Find(slug) is not { } topic) return NotFound("No such topic", $"There is no topic “{TextShortening.Shorten(slug, 80)}”.");
        if (Read(context, out var input, out var limit) is { } invalid) return invalid;
        // As on the topic page: the topic is a fixed filter, topics chosen with it narrow it.
        var request = input.Request with { Topics = [.. input.Request.Topics.Where(t => t != topic.Slug)], WithinTopic = topic.Slug };
        var urls = new SearchUrls(topic.Slug);
        return feeds.Serve(context, taxonomy, FeedUrls.For(urls, request), FeedUrls.Page(urls, request), limit,
            SearchTitles.For(request with { Page = 1 }, taxonomy),
            (baseUrl, undated) => Papers(feeds, taxonomy, request, limit, baseUrl, undated));
    }

    internal static IResult Day(string day, HttpContext context, FeedResponder feeds)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !feeds.Search.ListDigestDays().Any(d => d.Day == date))
        {
            return NotFound("No such digest day", $"No papers were listed on “{TextShortening.Shorten(day, 80)}”.");
        }
        if (ReadLimit(context, out var limit) is { } invalid) return invalid;
        var request = new SearchRequest { DigestDay = date };
        var page = PaperUrls.Day(date);
        var taxonomy = feeds.Taxonomy;
        return feeds.Serve(context, taxonomy, FeedUrls.For(page), page, limit, SearchTitles.Day(date),
            (baseUrl, undated) => Papers(feeds, taxonomy, request, limit, baseUrl, undated));
    }

    /// <summary>One entry per digest day, newest first, listing the day's papers.</summary>
    internal static IResult Days(HttpContext context, FeedResponder feeds)
    {
        if (ReadLimit(context, out var limit) is { } invalid) return invalid;
        var taxonomy = feeds.Taxonomy;
        const string page = "/digests";
        return feeds.Serve(context, taxonomy, FeedUrls.For(page), page, limit, "Digest days", (baseUrl, _) =>
        [
            .. feeds.Search.ListDigestDays().Reverse().Take(limit).Select(day =>
            {
                var papers = feeds.Search.Search(new SearchRequest { DigestDay = day.Day, Sort = SearchSort.Newest, PageSize = TitlesPerDay, IncludeSnippets = false });
                var lines = papers.Results.Select(r => "• " + r.Title);
                if (papers.TotalHits > papers.Results.Count) lines = lines.Append($"… and {papers.TotalHits - papers.Results.Count} more");
                var url = baseUrl + PaperUrls.Day(day.Day);
                var time = new DateTimeOffset(day.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return new AtomEntry(url, SearchTitles.Day(day.Day), [], time, time,
                    CountPhrase.Of(day.Count, "paper") + ":\n" + string.Join('\n', lines),
                    [new AtomLink("alternate", url, "text/html"), new AtomLink("related", baseUrl + FeedUrls.For(PaperUrls.Day(day.Day)), "application/atom+xml", "This day's papers as a feed")],
                    []);
            }),
        ]);
    }

    private static IReadOnlyList<AtomEntry> Papers(FeedResponder feeds, Taxonomy taxonomy, SearchRequest request, int limit, string baseUrl, DateTimeOffset undated) =>
        [.. PaperEntries.InFeedOrder(feeds.Search, request, limit).Select(r => PaperEntries.For(r, baseUrl, taxonomy, undated))];

    /// <summary>The view's parameters and the limit, or the 400 answer naming what could not be understood.</summary>
    private static IResult? Read(HttpContext context, out SearchInput input, out int limit)
    {
        input = SearchQueryReader.Read(context.Request.Query);
        var problems = new List<string>(input.Problems);
        var read = FeedLimit.Read(context.Request.Query, problems);
        limit = read ?? FeedUrls.DefaultLimit;
        return problems.Count > 0 ? InvalidParameters.Problem(problems) : null;
    }

    private static IResult? ReadLimit(HttpContext context, out int limit)
    {
        var problems = new List<string>();
        var read = FeedLimit.Read(context.Request.Query, problems);
        limit = read ?? FeedUrls.DefaultLimit;
        return problems.Count > 0 ? InvalidParameters.Problem(problems) : null;
    }

    private static IResult NotFound(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}

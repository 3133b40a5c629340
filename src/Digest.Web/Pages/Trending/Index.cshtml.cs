using System.Globalization;
using Digest.Core.Configuration;
using Digest.Core.Search;
using Digest.Core.Text;
using Digest.Core.Topics;
using Digest.Core.Trending;
using Digest.Web.Browsing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Digest.Web.Pages.Trending;

/// <summary>
/// Trending papers of a day, an ISO week or a month (like Hugging Face's date, week and month views): the papers that
/// appeared in it, ranked by the trending score at its end, or now while it is open. A period or date that cannot be
/// read is a 400 page that says what was wrong.
/// </summary>
public sealed class TrendingModel(SearchService search, TaxonomyProvider taxonomies, IOptions<DigestOptions> options, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public TrendingWindow Window { get; private set; } = null!;

    public TrendingWindow? Previous { get; private set; }

    public TrendingWindow? Next { get; private set; }

    public SearchResponse Papers { get; private set; } = null!;

    public Taxonomy Taxonomy { get; private set; } = null!;

    /// <summary>The formula's weights, shown with it.</summary>
    public TrendingOptions Formula => options.Value.Trending;

    /// <summary>The latest digest day, offered when the period is empty.</summary>
    public DateOnly? LatestDay { get; private set; }

    /// <summary>What could not be read in the address (the page is then a 400).</summary>
    public string? Problem { get; private set; }

    public string Title { get; private set; } = "Trending papers";

    public IActionResult OnGet(string? period, string? date, int? page)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var chosen = period is null ? TrendingPeriod.Day : TrendingUrls.ParsePeriod(period);
        if (chosen is null) return BadInput($"“{TextShortening.Shorten(period!, 40)}” is not a period: use day, week or month.");
        var day = today;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                return BadInput($"“{TextShortening.Shorten(date, 40)}” is not a date like 2025-03-31.");
            }
            // A bounded range: no view of the year 0001 or of next year, and no date arithmetic past DateOnly's ends.
            if (day < TrendingWindow.Earliest || day > today)
            {
                return BadInput($"The date must be between {TrendingWindow.Earliest:yyyy-MM-dd} and today ({today:yyyy-MM-dd}).");
            }
        }

        Window = TrendingWindow.Containing(chosen.Value, day);
        Previous = Window.Previous;
        Next = Window.Next(today);
        Taxonomy = taxonomies.Current;
        Papers = search.Search(new SearchRequest
        {
            Sort = SearchSort.Trending,
            TrendingAt = Window.RankedAt(now),
            AppearedFrom = Window.First,
            AppearedTo = Window.Last,
            Page = Math.Max(1, page ?? 1),
            PageSize = PageSize,
            IncludeSnippets = false,
        });
        if (Papers.TotalHits == 0) LatestDay = search.LatestDigestDay();
        Title = TitleOf(Window);
        return Page();
    }

    /// <summary>"Trending papers of 9 March 2025", "… of the week of 3 March 2025", "… of March 2025".</summary>
    public static string TitleOf(TrendingWindow window)
    {
        var invariant = CultureInfo.InvariantCulture;
        return window.Period switch
        {
            TrendingPeriod.Week => "Trending papers of the week of " + window.First.ToString("d MMMM yyyy", invariant),
            TrendingPeriod.Month => "Trending papers of " + window.First.ToString("MMMM yyyy", invariant),
            _ => "Trending papers of " + window.First.ToString("d MMMM yyyy", invariant),
        };
    }

    private PageResult BadInput(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

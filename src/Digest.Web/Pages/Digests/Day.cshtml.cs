using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Submissions;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Readers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Digests;

/// <summary>
/// One digest day's papers, newest publication first or by trending score (<c>?sort=trending</c>), with links to the
/// previous and next days. Another sort name is read as the default.
/// </summary>
public sealed class DayModel(SearchService search, TaxonomyProvider taxonomies, SubmissionService submissions) : PageModel
{
    /// <summary>A digest day lists a few dozen papers; one page shows a whole day.</summary>
    public const int PageSize = SearchRequest.MaxPageSize;

    public DateOnly Day { get; private set; }

    public DateOnly? Previous { get; private set; }

    public DateOnly? Next { get; private set; }

    public SearchResponse Papers { get; private set; } = null!;

    /// <summary>The orders a day offers: the day's papers were listed together, so relevance and oldest add nothing.</summary>
    public static readonly SearchSort[] Sorts = [SearchSort.Newest, SearchSort.Trending];

    public SearchSort Sort { get; private set; }

    public Taxonomy Taxonomy { get; private set; } = null!;

    /// <summary>"Submitted by …" for the day's papers readers submitted: curators see the address, everyone else that it was a reader.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string day, int? page, string? sort, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return NotFound();
        var days = search.ListDigestDays();
        var index = -1;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Day == date) index = i;
        }
        if (index < 0) return NotFound();

        Day = date;
        Previous = index > 0 ? days[index - 1].Day : null;
        Next = index < days.Count - 1 ? days[index + 1].Day : null;
        Taxonomy = taxonomies.Current;
        Sort = SearchSorts.Parse(sort) == SearchSort.Trending ? SearchSort.Trending : SearchSort.Newest;
        Papers = search.Search(new SearchRequest { DigestDay = date, Sort = Sort, Page = Math.Max(1, page ?? 1), PageSize = PageSize, IncludeSnippets = false });
        var curator = User.IsCurator();
        Notes = (await submissions.ListForDayAsync(date, cancellationToken))
            .ToDictionary(s => s.Key, s => curator ? "Submitted by " + s.Value.ReaderEmail : "Submitted by a reader", StringComparer.Ordinal);
        return Page();
    }

    /// <summary>This day's page <paramref name="page"/> in <paramref name="sort"/> order (the default sort and page 1 left out).</summary>
    public string DayUrl(SearchSort sort, int page)
    {
        var parameters = new List<string>(2);
        if (sort != SearchSort.Newest) parameters.Add("sort=" + SearchSorts.Name(sort));
        if (page > 1) parameters.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return PaperUrls.Day(Day) + (parameters.Count == 0 ? "" : "?" + string.Join('&', parameters));
    }
}

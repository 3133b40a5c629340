using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Topics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Digests;

/// <summary>One digest day's papers, newest publication first, with links to the previous and next days.</summary>
public sealed class DayModel(SearchService search, TaxonomyProvider taxonomies) : PageModel
{
    /// <summary>A digest day lists a few dozen papers; one page shows a whole day.</summary>
    public const int PageSize = SearchRequest.MaxPageSize;

    public DateOnly Day { get; private set; }

    public DateOnly? Previous { get; private set; }

    public DateOnly? Next { get; private set; }

    public SearchResponse Papers { get; private set; } = null!;

    public Taxonomy Taxonomy { get; private set; } = null!;

    public IActionResult OnGet(string day, int? page)
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
        Papers = search.Search(new SearchRequest { DigestDay = date, Sort = SearchSort.Newest, Page = Math.Max(1, page ?? 1), PageSize = PageSize, IncludeSnippets = false });
        return Page();
    }
}

using Digest.Core.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Digests;

/// <summary>Every digest day, newest first, with its number of papers.</summary>
public sealed class IndexModel(SearchService search) : PageModel
{
    public IReadOnlyList<DigestDayCount> Days { get; private set; } = [];

    public void OnGet() => Days = [.. search.ListDigestDays().Reverse()];
}

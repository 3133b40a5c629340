using Digest.Core.Readers;
using Digest.Core.Search;
using Digest.Core.Subscriptions;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Readers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Readers;

/// <summary>The reader's reading list: the search view (query, facets, sort, pages) restricted to the saved papers.</summary>
[Authorize(Policy = ReaderPolicies.Reader)]
public sealed class SavedModel(SearchService search, SavedPapers saved, SubscriptionStore subscriptions, TaxonomyProvider taxonomies) : PageModel
{
    public const string Path = "/saved";

    public SearchView View { get; private set; } = null!;

    public int SavedCount { get; private set; }

    /// <summary>The views the reader's address follows by email: what they follow, beside what they kept.</summary>
    public IReadOnlyList<Subscription> Subscriptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var ids = await saved.IdsAsync(User.ReaderId()!.Value, cancellationToken);
        SavedCount = ids.Count;
        var input = SearchQueryReader.Read(Request.Query, SearchRequest.DefaultPageSize);
        var response = search.Search(input.Request with { WithinPapers = ids });
        var taxonomy = taxonomies.Current;
        Subscriptions = await subscriptions.ListByEmailAsync(User.ReaderEmail() ?? "", cancellationToken);
        View = new SearchView(response, new SearchUrls(searchPath: Path), taxonomy, SearchView.CollectNotices(input, response, taxonomy));
    }
}

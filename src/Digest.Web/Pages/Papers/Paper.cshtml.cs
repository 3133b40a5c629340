using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Papers;

/// <summary>
/// One paper: <c>/papers/{id}</c>, and its BibTeX at <c>/papers/{id}.bib</c>. The route is a catch-all because
/// old-style arXiv ids contain a slash (<c>hep-th/9901001</c>). Former ids redirect permanently to the current one.
/// </summary>
public sealed class PaperModel(PaperStore store, SearchService search, TaxonomyProvider taxonomies) : PageModel
{
    public const int RelatedCount = 5;
    private const string BibSuffix = ".bib";

    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Query { get; set; }

    public Paper Paper { get; private set; } = null!;

    public string AbstractHtml { get; private set; } = "";

    public string BibTex { get; private set; } = "";

    public IReadOnlyList<SearchResult> Related { get; private set; } = [];

    public Taxonomy Taxonomy { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 300) return NotFound();
        var bib = id.EndsWith(BibSuffix, StringComparison.OrdinalIgnoreCase);
        var requested = bib ? id[..^BibSuffix.Length] : id;
        // A versioned or URL-shaped arXiv id (2403.01234v2) names the same paper.
        var wanted = PaperId.TryParseArxiv(requested) ?? requested;
        if (!PaperId.IsWellFormed(wanted)) return NotFound();

        var paper = await store.GetAsync(wanted, cancellationToken);
        if (paper is null) return NotFound();
        if (paper.Id != requested)
        {
            var target = bib ? PaperUrls.BibTex(paper.Id) : PaperUrls.For(paper.Id, Query);
            return RedirectPermanent(target);
        }

        Paper = paper;
        BibTex = BibTexFormatter.Format(paper);
        if (bib) return Content(BibTex, "text/plain; charset=utf-8");

        Taxonomy = taxonomies.Current;
        AbstractHtml = search.MarkQueryTerms(paper.Abstract, Query);
        Related = search.RelatedPapers(paper.Id, RelatedCount);
        return Page();
    }

    public string TopicLabel(string slug) => Taxonomy.Find(slug)?.Label ?? slug;

    /// <summary>Only http(s) links are shown; anything else from a feed (javascript:, data:) is dropped.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

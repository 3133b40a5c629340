using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Search.Facets;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Digest.Web.Browsing;

namespace Digest.Web.Endpoints;

/// <summary><c>/api/search</c> (the parameters of <c>/search</c>) and <c>/api/papers/{id}</c>, as camelCase JSON. Bad input is a 400 problem, never a 500.</summary>
public static class SearchApiEndpoints
{
    public static IEndpointRouteBuilder MapSearchApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/search", Search);
        endpoints.MapGet("/api/papers/{**id}", GetPaperAsync);
        return endpoints;
    }

    private static IResult Search(HttpContext context, SearchService search, TaxonomyProvider taxonomies)
    {
        var input = SearchQueryReader.Read(context.Request.Query);
        if (input.Problems.Count > 0) return InvalidParameters.Problem(input.Problems);

        var response = search.Search(input.Request);
        var taxonomy = taxonomies.Current;
        var urls = new SearchUrls();
        var request = response.Request;
        var facets = response.Facets
            .Select(f => (Facet: f, Definition: FacetDefinitions.Find(f.Name)))
            .Where(f => f.Definition is not null)
            .ToDictionary(
                f => f.Definition!.ApiKey,
                f => (IReadOnlyList<ApiFacetValue>)[.. f.Facet.Values.Select(v => new ApiFacetValue(
                    v.Value, f.Definition!.ValuesAreTopics ? taxonomy.Find(v.Value)?.Label ?? v.Value : v.Value, v.Count, v.Selected, urls.Toggle(request, f.Facet.Name, v.Value)))]);
        return Results.Ok(new ApiSearchResponse(
            response.TotalHits,
            request.Page,
            request.PageSize,
            response.PageCount,
            request.Query ?? "",
            SearchSorts.Name(response.Sort),
            urls.For(request),
            response.SyntaxFallback,
            [.. SearchView.CollectNotices(input, response, taxonomy)],
            response.RedirectToPaperId is { } id ? PaperUrls.For(id) : null,
            [.. response.Results.Select(r => ToApi(r, request.Query))],
            facets,
            [.. response.Suggestions.Select(s => new ApiSuggestion(
                s.Kind == SearchSuggestionKind.Spelling ? "spelling" : "removeFilter", s.Text, s.Count, urls.For(s.Request)))],
            response.Incomplete,
            response.PartialMatch,
            response.IgnoredWords,
            response.SemanticMatch));
    }

    private static async Task<IResult> GetPaperAsync(string? id, PaperStore store, SearchService search, CancellationToken cancellationToken)
    {
        var wanted = PaperId.TryParseArxiv(id) ?? id;
        if (!PaperId.IsWellFormed(wanted)) return NotFound(id);
        var paper = await store.GetAsync(wanted!, cancellationToken);
        if (paper is null) return NotFound(id);
        if (paper.Id != id) return Results.Redirect("/api" + PaperUrls.For(paper.Id), permanent: true);

        var related = search.RelatedPapers(paper.Id, 5);
        return Results.Ok(new ApiPaper(
            paper.Id, paper.ArxivId, paper.Title, paper.Abstract, paper.Authors, paper.Published, paper.Revised, paper.WithdrawnOn, paper.DigestDays,
            paper.Topics, paper.Categories, paper.Keywords, paper.CodeUrls, paper.ProjectUrl,
            paper.Doi, paper.Doi is null ? null : DoiLinks.Resolver(paper.Doi), paper.JournalRef, paper.Comments, paper.ReportNumber,
            paper.License, PaperLicenses.ShortName(paper.License), paper.Upvotes, paper.Votes,
            paper.AbsUrl, paper.PdfUrl, PaperUrls.For(paper.Id), BibTexFormatter.Format(paper),
            [.. related.Select(r => ToApi(r, null))]));
    }

    private static ApiSearchResult ToApi(SearchResult result, string? query) =>
        new(result.Id, result.ArxivId, result.Title, result.Authors, result.Published, result.Topics, result.Categories,
            result.HasCode, result.SnippetHtml, PaperUrls.For(result.Id, query), result.Votes);

    private static IResult NotFound(string? id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such paper",
            detail: id is null ? null : $"No paper has the id “{(id.Length > 80 ? id[..80] + "…" : id)}”.");
}

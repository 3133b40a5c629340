using System.Text.Encodings.Web;
using System.Text.Json;
using Digest.Core.Indexing;
using Digest.Core.Search;
using Digest.Core.Text;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Endpoints;

namespace Digest.Web.OpenSearch;

/// <summary>
/// <c>/opensearch.xml</c>, and <c>/api/suggest?q=prefix</c>: completions for the browser's address bar in the
/// OpenSearch suggestions format, <c>[prefix, [completions], [descriptions], [urls]]</c>. At most
/// <see cref="SearchService.MaxCompletions"/> completions; a prefix longer than <see cref="CompletionKey.MaxLength"/>
/// is a 400 (no title is completed from that far in, and it bounds the work).
/// </summary>
public static class OpenSearchEndpoints
{
    public const string SuggestPath = "/api/suggest";

    /// <summary>Query parameter holding the prefix typed.</summary>
    public const string SuggestPrefix = "q";

    // The default encoder escapes <, > and & as well: titles are untrusted, and the answer stays inert even if something
    // ever shows it as HTML. (The app's JSON options escape less, for readable /api/search bodies.)
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    public static IEndpointRouteBuilder MapOpenSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OpenSearchDescription.Path, (HttpContext context, PublicUrls urls) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(OpenSearchDescription.Write(urls.Base(context.Request)), OpenSearchDescription.ContentType + "; charset=utf-8");
        });
        endpoints.MapGet(SuggestPath, Suggest);
        return endpoints;
    }

    internal static IResult Suggest(HttpContext context, SearchService search, TaxonomyProvider taxonomies, PublicUrls urls)
    {
        var prefix = context.Request.Query[SuggestPrefix].FirstOrDefault() ?? "";
        if (prefix.Length > CompletionKey.MaxLength)
        {
            return InvalidParameters.Problem([$"A prefix to complete has at most {CompletionKey.MaxLength} characters."]);
        }
        var taxonomy = taxonomies.Current;
        var completions = search.Complete(prefix, taxonomy);
        var baseUrl = urls.Base(context.Request);
        context.Response.Headers.CacheControl = "public, max-age=60";
        object[] answer =
        [
            prefix,
            completions.Select(c => c.Text).ToArray(),
            completions.Select(Describe).ToArray(),
            completions.Select(c => baseUrl + Url(c)).ToArray(),
        ];
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(answer, Json), OpenSearchDescription.SuggestionsType + "; charset=utf-8");
    }

    private static string Describe(SearchSuggestion completion) => completion.Kind switch
    {
        SearchSuggestionKind.Topic => "Topic · " + Papers(completion.Count),
        SearchSuggestionKind.Author => "Author · " + Papers(completion.Count),
        _ => "Paper",
    };

    private static string Papers(int count) => CountPhrase.Of(count, "paper");

    private static string Url(SearchSuggestion completion) => completion.Kind switch
    {
        SearchSuggestionKind.Topic => TopicUrls.For(completion.Request.Topics[0]),
        SearchSuggestionKind.Author => PaperUrls.Author(completion.Text),
        SearchSuggestionKind.Title when completion.PaperId is { } id => PaperUrls.For(id),
        _ => new SearchUrls().For(completion.Request),
    };
}

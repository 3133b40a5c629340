using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace Digest.Web.Hosting;

/// <summary>
/// The answer to a search refused by the concurrency limits, written in place. A flooding client that ignores
/// <c>Retry-After</c> sends thousands of these a second: re-executed as the error page each cost a Razor render, which
/// took a third of a core in the flood benchmark. A constant body costs next to nothing.
/// </summary>
internal static class RefusedSearchResponse
{
    private const string Heading = "Too many requests at once";
    private const string Explanation = "Several requests from your address are already being answered. Wait a second and try again.";

    private const string Html = $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Heading} · Digest</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><main class="error-page"><h1>{Heading}</h1><p>{Explanation}</p><p><a href="/">Digest home</a></p></main></body></html>
        """;

    private const string ProblemJson = $$"""{"status":429,"title":"{{Heading}}","detail":"{{Explanation}}"}""";

    public static async ValueTask WriteAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        // Answered here: the status-code pages must not re-execute it as the error page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages) statusCodePages.Enabled = false;
        var api = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        response.ContentType = api ? "application/problem+json" : "text/html; charset=utf-8";
        await response.WriteAsync(api ? ProblemJson : Html, cancellationToken);
    }
}

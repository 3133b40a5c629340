using Digest.Core.Composition;
using Digest.Web.Browsing;
using Digest.Web.Endpoints;
using Digest.Web.Feeds;
using Digest.Web.OpenSearch;
using Digest.Web.Readers;
using Digest.Web.Subscriptions;
using Digest.Web.Uploads;

namespace Digest.Web.Hosting;

/// <summary>Everything the web app registers and maps, in one place, so that Program.cs stays a table of contents.</summary>
public static class DigestWebRegistration
{
    public static WebApplicationBuilder AddDigest(this WebApplicationBuilder builder)
    {
        builder.Services.AddDigestCore();
        builder.Services.AddOwnedPaperIndex();
        builder.AddDigestHosting();

        // Order matters: the store and index are ready before the background services start.
        builder.Services.AddHostedService<DigestStartupService>();
        builder.Services.AddSingleton<UploadSpool>().AddHostedService<UploadSpoolCleanup>();
        builder.Services.AddHostedService<IndexSyncService>();
        builder.Services.AddHostedService<EmbeddingService>();
        builder.Services.AddHostedService<InboxWatcherService>();
        builder.Services.AddHostedService<RemoteSourceService>();
        builder.Services.AddHostedService<ArxivTitleLookupService>();
        builder.Services.AddDigestEmail();
        builder.Services.AddHostedService<DigestMailService>();
        builder.Services.AddHostedService<SubscriptionMailService>();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDigestReaderAccess();

        builder.Services.AddSearchConcurrencyLimit();
        // Feeds, the address bar and canonical links: absolute URLs, and validators computed without searching.
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddSingleton<CanonicalUrls>();
        builder.Services.AddSingleton<FeedVersion>();
        builder.Services.AddSingleton<FeedResponder>();

        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication UseDigest(this WebApplication app)
    {
        // Every error status, and every exception, is re-executed as /error/{code}: a friendly page for people,
        // problem JSON for /api callers (see ErrorModel). Neither ever shows a stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // A request the client broke (a body cut off or sent too slowly, a form over a limit) is the client's
            // error: its own 4xx, and a warning rather than an error in the log.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

        // After the error pages, so a refused search gets the friendly 429 page; it limits searches only.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSearchTimeBudget();

        app.MapIngestEndpoints();
        app.MapHealthEndpoints();
        app.MapStatusEndpoints();
        app.MapSearchApiEndpoints();
        app.MapFeedEndpoints();
        app.MapOpenSearchEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapRazorPages();
        return app;
    }
}

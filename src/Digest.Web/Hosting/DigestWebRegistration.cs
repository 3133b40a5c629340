using Digest.Core.Configuration;
using Digest.Web.Endpoints;
using Digest.Web.Subscriptions;

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
        builder.Services.AddHostedService<IndexSyncService>();
        builder.Services.AddHostedService<InboxWatcherService>();
        builder.Services.AddHostedService<RemoteSourceService>();
        builder.Services.AddDigestEmail();
        builder.Services.AddHostedService<DigestMailService>();
        builder.Services.AddHostedService<SubscriptionMailService>();

        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication UseDigest(this WebApplication app)
    {
        // Every error status, and every exception, is re-executed as /error/{code}: a friendly page for people,
        // problem JSON for /api callers (see ErrorModel). Neither ever shows a stack trace.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

        app.MapIngestEndpoints();
        app.MapHealthEndpoints();
        app.MapStatusEndpoints();
        app.MapSearchApiEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapRazorPages();
        return app;
    }
}

using Digest.Core.Configuration;
using Digest.Web.Endpoints;

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

        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseDigest(this WebApplication app)
    {
        app.MapIngestEndpoints();
        app.MapHealthEndpoints();
        app.MapStatusEndpoints();
        app.MapRazorPages();
        return app;
    }
}

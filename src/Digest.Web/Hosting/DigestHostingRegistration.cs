using Digest.Core.Configuration;
using Digest.Core.Health;
using Microsoft.AspNetCore.DataProtection;

namespace Digest.Web.Hosting;

/// <summary>What running as a long-lived service (in a container) needs: log format, a graceful shutdown, health checks.</summary>
public static class DigestHostingRegistration
{
    /// <summary>Time given to a shutdown (SIGTERM, <c>docker stop</c>): an ingest finishes its batch or rolls it back, the index commits.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddDigestHosting(this WebApplicationBuilder builder)
    {
        // Read before the options exist: logging is set up before anything else runs. Validated with the rest at start.
        if (builder.Configuration.GetValue<bool>($"{DigestOptions.SectionName}:{nameof(DigestOptions.JsonLogs)}"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        // Antiforgery and cookie keys in the data volume: in the container's home they would be lost with every
        // update, and forms open in a browser would then fail.
        var dataDirectory = builder.Configuration[$"{DigestOptions.SectionName}:{nameof(DigestOptions.DataDirectory)}"];
        var keys = Path.Combine(new DigestOptions { DataDirectory = string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory }.DataPath, "keys");
        builder.Services.AddDataProtection().SetApplicationName("Digest").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.AddSingleton<ReadinessCheck>();
        return builder;
    }
}

using Digest.Core.Configuration;
using Digest.Core.Sources;
using Digest.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Composition;

public static class SourceServiceCollectionExtensions
{
    /// <summary>Registers fetching of <c>Digest:Sources</c>: one HTTP client and one per-host rate limiter for the process.</summary>
    public static IServiceCollection AddDigestSources(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DigestOptions>, SourceConfigurationValidator>();
        services.AddSingleton<SourceStatusStore>();
        services.AddSingleton(sp => new HostRateLimiter(
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.Fetch.MinRequestSpacing, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RemoteFetcher(
            CreateHttpClient(),
            sp.GetRequiredService<HostRateLimiter>(),
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.Fetch,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RemoteFetcher>>()));
        services.AddSingleton<OaiHarvestStore>();
        services.AddSingleton(sp => new OaiHarvester(
            sp.GetRequiredService<RemoteFetcher>(),
            sp.GetRequiredService<IngestService>(),
            sp.GetRequiredService<OaiHarvestStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OaiHarvester>>()));
        services.AddSingleton(sp => new RemoteSourceRunner(
            sp.GetRequiredService<RemoteFetcher>(),
            sp.GetRequiredService<IngestService>(),
            sp.GetRequiredService<OaiHarvester>(),
            sp.GetRequiredService<SourceStatusStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RemoteSourceRunner>>()));
        return services;
    }

    /// <summary>The HTTP client of a <see cref="RemoteFetcher"/>; the fetcher sets a timeout per attempt, so the client has none.</summary>
    internal static HttpClient CreateHttpClient() =>
        // Connections are recycled so that a changed DNS entry is seen. Redirects are followed, never from https to http;
        // decompression happens before the size cap counts, so a compressed bomb is caught too.
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}

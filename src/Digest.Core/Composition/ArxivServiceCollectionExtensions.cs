using Digest.Core.Arxiv;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Core.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Composition;

public static class ArxivServiceCollectionExtensions
{
    /// <summary>
    /// Longest wait for one arXiv answer: a reader waits on a submission, so the client gives up early and says so. With
    /// one retry, a reader waits at most about 35 s (two attempts, the backoff, the request spacing) for "unreachable".
    /// </summary>
    private static readonly TimeSpan MaxSinglePaperTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Registers the arXiv client for single papers, reader submissions, digest-day removals and the title lookup.</summary>
    public static IServiceCollection AddDigestArxiv(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DigestOptions>>().Value;
            // The same rules as the sources and the same per-host spacing (one budget for export.arxiv.org), with a shorter
            // patience: at most one retry and a Retry-After of 10 s. A reader is waiting, and the title lookup asks again
            // at its retry time anyway; the Digest:Fetch defaults could hold a request for minutes.
            var fetch = new FetchOptions
            {
                MinRequestSpacing = options.Fetch.MinRequestSpacing,
                Timeout = options.Fetch.Timeout < MaxSinglePaperTimeout ? options.Fetch.Timeout : MaxSinglePaperTimeout,
                MaxRetries = Math.Min(options.Fetch.MaxRetries, 1),
                RetryBaseDelay = options.Fetch.RetryBaseDelay < TimeSpan.FromSeconds(2) ? options.Fetch.RetryBaseDelay : TimeSpan.FromSeconds(2),
                MaxRetryAfter = options.Fetch.MaxRetryAfter < TimeSpan.FromSeconds(10) ? options.Fetch.MaxRetryAfter : TimeSpan.FromSeconds(10),
                MaxResponseBytes = Math.Min(options.Fetch.MaxResponseBytes, 4L * 1024 * 1024),
            };
            var fetcher = new RemoteFetcher(SourceServiceCollectionExtensions.CreateHttpClient(), sp.GetRequiredService<HostRateLimiter>(), fetch,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RemoteFetcher>>());
            return new ArxivClient(fetcher, options.Arxiv, options.Limits, sp.GetRequiredService<ILogger<ArxivClient>>());
        });
        services.AddSingleton<TitleLookupStore>();
        services.AddSingleton(sp => new ArxivTitleLookup(
            sp.GetRequiredService<ArxivClient>(),
            sp.GetRequiredService<IngestService>(),
            sp.GetRequiredService<PaperStore>(),
            sp.GetRequiredService<TitleLookupStore>(),
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.Arxiv,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ArxivTitleLookup>>()));
        services.AddSingleton(sp => new DigestDayRemoval(
            sp.GetRequiredService<PaperStore>(),
            sp.GetRequiredService<IIndexOwnership>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DigestDayRemoval>>()));
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<SubmissionService>();
        return services;
    }
}

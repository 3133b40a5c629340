using System.Reflection;
using Digest.Core.Configuration;
using Digest.Core.Health;
using Digest.Core.Indexing;
using Digest.Core.Semantic;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Digest.Web.Endpoints;

/// <summary><c>GET /api/status</c>: what the instance holds (papers, index, semantic embeddings, recent ingests, remote sources, email digests) and its version, as JSON.</summary>
public static class StatusEndpoints
{
    private static readonly string Version =
        typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/status", async (PaperStore store, PaperIndex index, SourceStatusStore sources, SubscriptionStore subscriptions, PaperEmbedder embedder, IOptions<DigestOptions> options, CancellationToken cancellationToken) =>
        {
            var stats = await store.GetStatsAsync(cancellationToken);
            var email = await subscriptions.GetStatsAsync(cancellationToken);
            var configured = options.Value.Sources.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return Results.Json(new
            {
                version = Version,
                papers = stats.Papers,
                newestPublished = stats.NewestPublished,
                store = new { changeSeq = stats.ChangeSeq },
                index = new { documents = index.DocumentCount, changeSeq = index.SearchableChangeSeq, committedChangeSeq = index.CommittedChangeSeq },
                semantic = SemanticStatus.Of(options.Value.Semantic, embedder),
                disk = new { freeBytes = DiskSpace.AvailableBytes(options.Value.DataPath) },
                recentIngests = stats.RecentRuns,
                sources = (await sources.GetAllAsync(cancellationToken)).Where(s => configured.Contains(s.Name)),
                emailDigests = new
                {
                    enabled = options.Value.Email.Enabled,
                    email.Active,
                    email.Paused,
                    email.Pending,
                    email.DigestsSent,
                    email.LastSentAt,
                    email.Failing,
                    email.LastError,
                    email.LastErrorAt,
                },
            });
        });
        return endpoints;
    }
}

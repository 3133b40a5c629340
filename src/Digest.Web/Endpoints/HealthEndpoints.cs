using Digest.Core.Configuration;
using Digest.Core.Health;
using Digest.Core.Semantic;
using Microsoft.Extensions.Options;

namespace Digest.Web.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness; always 200 "ok"). <c>/readyz</c>: the store takes writes, the disk
/// has the free space Digest:MinFreeDiskBytes asks for, and every stored paper is searchable (readiness; 200 or 503, with JSON details including each remote source's last success
/// and last error, and how far semantic embedding is, which never makes the app unready). Both are cheap enough to poll every few seconds and are never cached.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text("ok");
        });
        endpoints.MapGet("/readyz", async (HttpContext context, ReadinessCheck check, PaperEmbedder embedder, IOptions<DigestOptions> options, CancellationToken cancellationToken) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var report = await check.CheckAsync(cancellationToken);
            return Results.Json(
                // Semantic progress is a detail: embedding takes hours at 100k papers and search works meanwhile.
                new { status = report.Ready ? "ready" : "unavailable", report.Store, report.Disk, report.Index, Semantic = SemanticStatus.Of(options.Value.Semantic, embedder), report.Sources },
                statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}

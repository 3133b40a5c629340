using Digest.Core.Health;

namespace Digest.Web.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness; always 200 "ok"). <c>/readyz</c>: the store takes writes, the disk
/// has the free space Digest:MinFreeDiskBytes asks for, and every stored paper is searchable (readiness; 200 or 503, with JSON details including each remote source's last success
/// and last error). Both are cheap enough to poll every few seconds and are never cached.
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
        endpoints.MapGet("/readyz", async (HttpContext context, ReadinessCheck check, CancellationToken cancellationToken) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var report = await check.CheckAsync(cancellationToken);
            return Results.Json(
                new { status = report.Ready ? "ready" : "unavailable", report.Store, report.Disk, report.Index, report.Sources },
                statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}

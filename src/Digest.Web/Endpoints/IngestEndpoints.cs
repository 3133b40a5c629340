using System.Security.Cryptography;
using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Digest.Core.Text;
using Digest.Web.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Digest.Web.Endpoints;

/// <summary>
/// <c>POST /api/ingest</c>: the authenticated upload. The body is one source (any supported format), or
/// <c>multipart/form-data</c> with several files (see <see cref="UploadReader"/>). Query: <c>format</c>, <c>date</c> (yyyy-mm-dd), <c>year</c>.
/// The API key goes in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>; without a configured key the endpoint does not exist.
/// </summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/ingest", IngestAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> IngestAsync(HttpContext context, IngestService ingest, UploadSpool spool, IOptions<DigestOptions> options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.IngestApiKey))
        {
            return Results.Problem("Ingest over HTTP is disabled: set Digest:IngestApiKey to enable it.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!HasValidKey(context.Request, settings.IngestApiKey))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem("A valid API key is required (header X-Api-Key or Authorization: Bearer).", statusCode: StatusCodes.Status401Unauthorized);
        }
        if (!TryReadRequest(context.Request.Query, out var request, out var problem))
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        // Each file is limited on its own; the whole request may carry a few of them.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = UploadReader.MaxRequestBytes(settings.Limits);
        }

        using var upload = new UploadReader(spool, settings.Limits);
        try
        {
            await upload.ReadAsync(context.Request, cancellationToken);
        }
        catch (UploadRejectedException e)
        {
            var logger = loggerFactory.CreateLogger(typeof(IngestEndpoints));
            // The client's mistake (or its network's), not the server's: a warning, so that errors stay the server's own.
            if (e.StatusCode == StatusCodes.Status499ClientClosedRequest) logger.LogInformation("Upload abandoned by the client: {Reason}", e.Message);
            else logger.LogWarning("Upload rejected with {Status}: {Reason}", e.StatusCode, e.Message);
            return Results.Problem(e.Message, statusCode: e.StatusCode);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // The upload could not even be spooled: nothing of it was stored, and the client may send it again later.
            loggerFactory.CreateLogger(typeof(IngestEndpoints)).LogWarning("Upload not accepted: {Reason}", StorageFailure.Describe(e, settings.DataPath));
            return Results.Problem($"The server has no room to take this upload: {StorageFailure.Describe(e, settings.DataPath)}. Nothing of it was stored; send it again later.", statusCode: StatusCodes.Status507InsufficientStorage);
        }

        var report = await ingest.IngestAsync(upload.Sources, request with { Origin = "http" }, cancellationToken: cancellationToken);
        // A full disk is the server's state, not a bad upload: 507, with the report of what was stored before it.
        var status = report.StorageFailure is not null ? StatusCodes.Status507InsufficientStorage
            : report.ExitCode == 2 ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        return Results.Json(IngestReportDto.From(report), statusCode: status);
    }

    private static bool HasValidKey(HttpRequest request, string expected)
    {
        string? given = request.Headers["X-Api-Key"].FirstOrDefault();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (given is null && authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(given)) return false;
        // Constant-time comparison: the time taken must not reveal how much of the key was right.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    private static bool TryReadRequest(IQueryCollection query, out IngestRequest request, out string problem)
    {
        request = new IngestRequest();
        problem = "";
        // A repeated parameter is ambiguous (which one counts?), so it is refused rather than half-read.
        foreach (var name in (string[])["format", "date", "year"])
        {
            if (query[name].Count > 1)
            {
                problem = $"{name} is given {query[name].Count} times; give it once.";
                return false;
            }
        }
        if (query["format"].FirstOrDefault() is { Length: > 0 } formatName)
        {
            if (!SourceFormatNames.TryParse(formatName, out var format))
            {
                problem = $"Unknown format '{TextShortening.Shorten(formatName, 80)}'; expected one of: {string.Join(", ", SourceFormatNames.All)}.";
                return false;
            }
            request = request with { Format = format };
        }
        if (query["date"].FirstOrDefault() is { Length: > 0 } dateText)
        {
            if (!IngestRequest.TryParseDate(dateText, out var date))
            {
                problem = $"date '{TextShortening.Shorten(dateText, 80)}' is not a date in the form yyyy-mm-dd.";
                return false;
            }
            request = request with { Date = date };
        }
        if (query["year"].FirstOrDefault() is { Length: > 0 } yearText)
        {
            if (!IngestRequest.TryParseYear(yearText, out var year))
            {
                problem = $"year '{TextShortening.Shorten(yearText, 80)}' is not a year between {IngestRequest.MinYear} and {IngestRequest.MaxYear}.";
                return false;
            }
            request = request with { Year = year };
        }
        return true;
    }
}

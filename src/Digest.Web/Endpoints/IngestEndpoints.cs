using System.Security.Cryptography;
using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Digest.Web.Endpoints;

/// <summary>
/// <c>POST /api/ingest</c>: the authenticated upload. The body is one source (any supported format), or
/// <c>multipart/form-data</c> with several files. Query: <c>format</c>, <c>date</c> (yyyy-mm-dd), <c>year</c>.
/// The API key goes in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>; without a configured key the endpoint does not exist.
/// </summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/ingest", IngestAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> IngestAsync(HttpContext context, IngestService ingest, IOptions<DigestOptions> options, CancellationToken cancellationToken)
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
            sizeFeature.MaxRequestBodySize = settings.Limits.MaxFileBytes * 4;
        }

        var spooled = new List<string>();
        try
        {
            var sources = new List<IngestSource>();
            try
            {
                if (context.Request.HasFormContentType)
                {
                    var form = await context.Request.ReadFormAsync(cancellationToken);
                    foreach (var file in form.Files)
                    {
                        if (file.Length > settings.Limits.MaxFileBytes) return TooLarge(file.FileName, settings);
                        sources.Add(await SpoolAsync(file.OpenReadStream(), SafeName(file.FileName), settings, spooled, cancellationToken));
                    }
                }
                else
                {
                    sources.Add(await SpoolAsync(context.Request.Body, "upload", settings, spooled, cancellationToken));
                }
            }
            catch (FileTooLargeException)
            {
                return TooLarge("upload", settings);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge("upload", settings);
            }
            catch (InvalidDataException e)
            {
                return Results.Problem($"The upload could not be read: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
            }
            if (sources.Count == 0) return Results.Problem("The form has no file.", statusCode: StatusCodes.Status400BadRequest);

            var report = await ingest.IngestAsync(sources, request with { Origin = "http" }, cancellationToken: cancellationToken);
            return Results.Json(IngestReportDto.From(report), statusCode: report.ExitCode == 2 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }
        finally
        {
            foreach (var path in spooled) File.Delete(path);
        }
    }

    private static IResult TooLarge(string name, DigestOptions settings) =>
        Results.Problem($"{name} is larger than the limit of {settings.Limits.MaxFileBytes:N0} bytes (Digest:Limits:MaxFileBytes).", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>Uploads are copied to a temporary file so the ingest service can detect the format and read it again.</summary>
    private static async Task<IngestSource> SpoolAsync(Stream body, string name, DigestOptions settings, List<string> spooled, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-upload-{Guid.NewGuid():N}");
        spooled.Add(path);
        await using (var file = File.Create(path))
        {
            await new LimitedReadStream(body, settings.Limits.MaxFileBytes).CopyToAsync(file, cancellationToken);
        }
        return new IngestSource(name, () => File.OpenRead(path));
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
        if (query["format"].FirstOrDefault() is { Length: > 0 } formatName)
        {
            if (!SourceFormatNames.TryParse(formatName, out var format))
            {
                problem = $"Unknown format '{Truncate(formatName)}'; expected one of: {string.Join(", ", SourceFormatNames.All)}.";
                return false;
            }
            request = request with { Format = format };
        }
        if (query["date"].FirstOrDefault() is { Length: > 0 } dateText)
        {
            if (!IngestRequest.TryParseDate(dateText, out var date))
            {
                problem = $"date '{Truncate(dateText)}' is not a date in the form yyyy-mm-dd.";
                return false;
            }
            request = request with { Date = date };
        }
        if (query["year"].FirstOrDefault() is { Length: > 0 } yearText)
        {
            if (!IngestRequest.TryParseYear(yearText, out var year))
            {
                problem = $"year '{Truncate(yearText)}' is not a year between {IngestRequest.MinYear} and {IngestRequest.MaxYear}.";
                return false;
            }
            request = request with { Year = year };
        }
        return true;
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return string.IsNullOrWhiteSpace(name) ? "upload" : Truncate(name);
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

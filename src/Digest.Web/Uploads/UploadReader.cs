using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Digest.Web.Uploads;

/// <summary>
/// Reads an upload into spool files, for the ingest service to detect the format and read them again. A
/// <c>multipart/form-data</c> body gives one file per part with a filename; any other body is the file itself,
/// whatever its content type (curl's default <c>application/x-www-form-urlencoded</c> included). A
/// <c>Content-Encoding</c> is undone. Each file may be at most <see cref="IngestLimits.MaxFileBytes"/> (decompressed),
/// a form at most <see cref="IngestLimits.MaxUploadParts"/> parts.
/// Whatever fails while the request is read is the client's doing and becomes an <see cref="UploadRejectedException"/>;
/// a failure to write the spool is the server's and is not caught here. Disposing deletes the spool files.
/// </summary>
internal sealed class UploadReader(UploadSpool spool, IngestLimits limits) : IDisposable
{
    /// <summary>RFC 2046 caps a boundary at 70 characters.</summary>
    private const int MaxBoundaryLength = 70;

    private readonly List<string> _paths = [];
    private readonly byte[] _buffer = new byte[1 << 16];
    private string? _encoding;
    private CancellationToken _requestAborted;

    /// <summary>The spooled files, in the order they came.</summary>
    public List<IngestSource> Sources { get; } = [];

    /// <summary>Most bytes one request may carry (a few files): also the bound of a decompressed form.</summary>
    public static long MaxRequestBytes(IngestLimits limits) => limits.MaxFileBytes > long.MaxValue / 4 ? long.MaxValue : limits.MaxFileBytes * 4;

    /// <exception cref="UploadRejectedException">The request is not an upload that can be read; the message says why.</exception>
    public async Task ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        _requestAborted = cancellationToken;
        var boundary = MultipartBoundary(request.ContentType);
        var body = ContentDecoding.Decode(request.Body, request.Headers.ContentEncoding, out _encoding);
        try
        {
            if (boundary is null)
            {
                if (await SpoolAsync(body, "upload", "The upload", cancellationToken) == 0)
                {
                    throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The upload is empty: send the file as the request body, or the files as multipart/form-data.");
                }
            }
            else
            {
                await ReadPartsAsync(body, boundary, cancellationToken);
            }
        }
        finally
        {
            if (_encoding is not null) await body.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var path in _paths) spool.Delete(path);
    }

    /// <summary>The boundary of a multipart/form-data body; null for any other body, which is read as the file itself.</summary>
    private static string? MultipartBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"multipart/form-data needs a boundary parameter of 1 to {MaxBoundaryLength} characters.");
        }
        return boundary;
    }

    private async Task ReadPartsAsync(Stream body, string boundary, CancellationToken cancellationToken)
    {
        // Parts are limited one by one as they are spooled; the form as a whole here, also when it was compressed.
        var reader = new MultipartReader(boundary, new LimitedReadStream(body, MaxRequestBytes(limits))) { BodyLengthLimit = null };
        var parts = 0;
        var endedEarly = $"The multipart body ended before its closing boundary ('--{boundary}--').";
        while (await FromClientAsync(() => reader.ReadNextSectionAsync(cancellationToken), "The request", endedEarly) is { } section)
        {
            if (++parts > limits.MaxUploadParts)
            {
                throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge,
                    $"The form has more than {limits.MaxUploadParts:N0} parts, the limit (Digest:Limits:MaxUploadParts); send the files in several requests, or join them into one JSON Lines file.");
            }
            // Fields without a filename are not files: skipped (the next read drains them).
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()) continue;
            var given = disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName);
            var name = UploadFileName.From(given.Value);
            await SpoolAsync(section.Body, name, $"'{name}'", cancellationToken, endedEarly);
        }
        if (Sources.Count == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The form has no file: send each file as a part with a filename (curl -F 'file=@papers.jsonl').");
        }
    }

    /// <summary>Copies one file to a spool file of its own and adds it to <see cref="Sources"/>; returns its length.</summary>
    private async Task<long> SpoolAsync(Stream content, string name, string subject, CancellationToken cancellationToken, string? endedEarly = null)
    {
        var limited = new LimitedReadStream(content, limits.MaxFileBytes);
        long length = 0;
        await using (var file = spool.Create(out var path))
        {
            _paths.Add(path);
            Sources.Add(new IngestSource(name, () => File.OpenRead(path)));
            while (await FromClientAsync(() => limited.ReadAsync(_buffer, cancellationToken).AsTask(), subject, endedEarly) is var read and > 0)
            {
                await file.WriteAsync(_buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
        }
        return length;
    }

    /// <summary>One read from the request; its failure, the client's doing, as the 4xx it deserves.</summary>
    private async Task<T> FromClientAsync<T>(Func<Task<T>> read, string subject, string? endedEarly)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (ClientFault(e, subject, endedEarly) is { } rejection)
        {
            throw rejection;
        }
    }

    private UploadRejectedException? ClientFault(Exception e, string subject, string? endedEarly) => e switch
    {
        FileTooLargeException tooLarge when tooLarge.Limit == limits.MaxFileBytes => new(StatusCodes.Status413PayloadTooLarge,
            $"{subject} is larger than the limit of {limits.MaxFileBytes:N0} bytes{(_encoding is null ? "" : $" once decompressed ({_encoding})")} (Digest:Limits:MaxFileBytes).", e),
        FileTooLargeException tooLarge => new(StatusCodes.Status413PayloadTooLarge,
            $"The request is larger than the limit of {tooLarge.Limit:N0} bytes{(_encoding is null ? "" : " once decompressed")} (4 × Digest:Limits:MaxFileBytes).", e),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(StatusCodes.Status413PayloadTooLarge,
            $"The request is larger than the limit of {MaxRequestBytes(limits):N0} bytes (4 × Digest:Limits:MaxFileBytes).", e),
        // Kestrel's MinRequestBodyDataRate: the body came too slowly (or stalled) and holding the request open is refused.
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => new(StatusCodes.Status408RequestTimeout,
            "The request body arrived too slowly (below the server's minimum data rate) and was abandoned.", e),
        BadHttpRequestException bad => new(StatusCodes.Status400BadRequest, $"The request body could not be read: {bad.Message}", e),
        // A corrupt gzip, deflate or br stream; a malformed or oversized part header.
        InvalidDataException invalid => new(StatusCodes.Status400BadRequest, $"The upload could not be read: {invalid.Message}", e),
        OperationCanceledException or IOException when _requestAborted.IsCancellationRequested => new(StatusCodes.Status499ClientClosedRequest, "The client closed the connection before the upload was read.", e),
        IOException when endedEarly is not null => new(StatusCodes.Status400BadRequest, endedEarly, e),
        IOException io => new(StatusCodes.Status400BadRequest, $"The request body could not be read: {io.Message}", e),
        _ => null,
    };
}

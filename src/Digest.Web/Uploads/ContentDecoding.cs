using System.IO.Compression;
using Digest.Core.Text;
using Microsoft.Extensions.Primitives;

namespace Digest.Web.Uploads;

/// <summary>
/// Undoes the request's <c>Content-Encoding</c> (gzip, deflate, br) so a compressed upload is read as the file it
/// holds. How far it may expand is bounded by the reader (<see cref="UploadReader"/>), not here.
/// </summary>
internal static class ContentDecoding
{
    /// <summary>The encodings understood, for messages.</summary>
    public const string Supported = "gzip, deflate, br";

    /// <summary>The body decoded; the body itself when it is not encoded. Disposing the result leaves the body open.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="contentEncoding">The request's <c>Content-Encoding</c> values.</param>
    /// <param name="encoding">The encoding undone (gzip, deflate, br); null when the body is not encoded.</param>
    /// <exception cref="UploadRejectedException">415 for an encoding not supported, or more than one.</exception>
    public static Stream Decode(Stream body, StringValues contentEncoding, out string? encoding)
    {
        encoding = null;
        var encodings = contentEncoding.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (encodings.Count == 0) return body;
        if (encodings.Count > 1)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{ShortenPrintable(string.Join(", ", encodings))}' applies several encodings; send one of: {Supported}.");
        }
        encoding = encodings[0].ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => "gzip",
            "deflate" => "deflate",
            "br" => "br",
            _ => null,
        };
        return encoding switch
        {
            "gzip" => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),
            // HTTP's "deflate" is the zlib format (RFC 9110), not raw deflate.
            "deflate" => new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true),
            "br" => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true),
            _ => throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{ShortenPrintable(encodings[0])}' is not supported; send the file as it is or with one of: {Supported}."),
        };
    }

    /// <summary>A request header value as it is quoted in an error message: control characters dropped, then shortened.</summary>
    private static string ShortenPrintable(string text) => TextShortening.Shorten(string.Concat(text.Where(c => !char.IsControl(c))), 40);
}

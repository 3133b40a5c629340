namespace Digest.Web.Uploads;

/// <summary>An upload the client got wrong: answered with <see cref="StatusCode"/> and the message, never as a 500.</summary>
public sealed class UploadRejectedException(int statusCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The 4xx status to answer with.</summary>
    public int StatusCode { get; } = statusCode;
}

namespace Digest.Core.Ingestion;

/// <summary>Thrown by <see cref="LimitedReadStream"/> when a source goes past the size limit while it is read.</summary>
public sealed class FileTooLargeException(long limit) : IOException($"the file is larger than {limit:N0} bytes")
{
    public long Limit { get; } = limit;
}

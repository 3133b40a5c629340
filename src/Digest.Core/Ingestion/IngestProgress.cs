namespace Digest.Core.Ingestion;

/// <summary>Progress of a running ingest, reported after each batch; the bytes when the source's length is known.</summary>
public readonly record struct IngestProgress(string File, int Records, TimeSpan Elapsed, long? BytesRead = null, long? TotalBytes = null)
{
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;

    /// <summary>Share of the source read (0 to 1), when its length is known.</summary>
    public double? Fraction => TotalBytes is > 0 && BytesRead is { } read ? Math.Min(1, (double)read / TotalBytes.Value) : null;

    /// <summary>Time left at the pace so far, when the length is known and some of it is read.</summary>
    public TimeSpan? Remaining => Fraction is { } f && f > 0 ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - f) / f) : null;
}

namespace Digest.Core.Ingestion;

/// <summary>Progress of a running ingest, reported after each batch.</summary>
public readonly record struct IngestProgress(string File, int Records, TimeSpan Elapsed)
{
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;
}

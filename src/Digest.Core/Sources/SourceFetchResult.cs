using Digest.Core.Ingestion;

namespace Digest.Core.Sources;

/// <summary>The outcome of fetching one remote source: the ingest report when it was ingested, else the error.</summary>
public sealed record SourceFetchResult(string Source, IngestReport? Report, string? Error)
{
    public bool Succeeded => Error is null;
}

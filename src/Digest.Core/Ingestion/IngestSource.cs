namespace Digest.Core.Ingestion;

/// <summary>Something to ingest: a name for the report and a way to open it as a seekable stream.</summary>
public sealed record IngestSource(string Name, Func<Stream> Open)
{
    /// <summary>A file on disk.</summary>
    public static IngestSource FromFile(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
}

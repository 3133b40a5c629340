namespace Digest.Core.Ingestion;

/// <summary>A record that was not stored: the file, the line or record number (0 for the whole file) and why.</summary>
public sealed record IngestRejection(string File, int Position, string Reason)
{
    public override string ToString() => Position > 0 ? $"{File}:{Position}: {Reason}" : $"{File}: {Reason}";
}

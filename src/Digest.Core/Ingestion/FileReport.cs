namespace Digest.Core.Ingestion;

/// <summary>What one source contributed to an ingest run.</summary>
public sealed class FileReport
{
    public required string File { get; init; }

    /// <summary>The format name the file was read as, or null when it could not be read at all.</summary>
    public string? Format { get; set; }

    /// <summary>Set when the file as a whole could not be read (unknown format, too large, unreadable); nothing of it was stored.</summary>
    public string? Error { get; set; }

    public int Seen { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    /// <summary>Withdrawal notices (deleted OAI-PMH records) of papers not stored: nothing to mark, counted as unchanged too.</summary>
    public int SkippedWithdrawals { get; set; }

    /// <summary>Valid records of a batch the storage failed to write (a full disk); they were not stored.</summary>
    public int NotStored { get; set; }

    /// <summary>File-level observations, for example an inferred year.</summary>
    public List<string> Notes { get; } = [];
}

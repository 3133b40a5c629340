using System.Text;
using Digest.Core.Text;

namespace Digest.Core.Ingestion;

/// <summary>The outcome of an ingest run, the same for the CLI, the HTTP upload, the inbox and remote sources.</summary>
public sealed class IngestReport
{
    /// <summary>At most this many rejections are listed; all are counted.</summary>
    public const int MaxListedRejections = 1_000;

    public List<FileReport> Files { get; } = [];

    /// <summary>Rejected records, each with file, position and reason (the first <see cref="MaxListedRejections"/>).</summary>
    public List<IngestRejection> Rejections { get; } = [];

    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>Set when the run was cancelled (shutdown): batches already committed stay stored, the rest was rolled back.</summary>
    public bool Cancelled { get; set; }

    /// <summary>
    /// Set when the storage failed (a full disk, an I/O error): the run stopped there. Batches committed before it are
    /// stored and counted; the batch in progress was rolled back and the rest was not read.
    /// </summary>
    public string? StorageFailure { get; set; }

    /// <summary>Where the run spent its time, stage by stage.</summary>
    public IngestStageTimes Stages { get; } = new();

    public int FilesRead => Files.Count(f => f.Error is null);
    public int Seen => Files.Sum(f => f.Seen);
    public int Added => Files.Sum(f => f.Added);
    public int Updated => Files.Sum(f => f.Updated);
    public int Unchanged => Files.Sum(f => f.Unchanged);
    public int Rejected => Files.Sum(f => f.Rejected) + Files.Count(f => f.Error is not null);
    public int NotStored => Files.Sum(f => f.NotStored);

    /// <summary>
    /// 0 when everything was accepted, 1 when some records were rejected (the rest stored), 2 when nothing could be
    /// read or the storage failed (what was committed before the failure stays stored).
    /// </summary>
    public int ExitCode =>
        Files.Count == 0 || Files.All(f => f.Error is not null) || StorageFailure is not null ? 2
        : Rejected > 0 || Cancelled ? 1
        : 0;

    public void Reject(FileReport file, int position, string reason)
    {
        file.Rejected++;
        if (Rejections.Count < MaxListedRejections) Rejections.Add(new IngestRejection(file.File, position, reason));
    }

    /// <summary>The report as people read it on a terminal or beside an inbox file.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var file in Files)
        {
            if (file.Error is not null)
            {
                text.AppendLine($"{file.File}: not ingested: {file.Error}");
                continue;
            }
            text.AppendLine($"{file.File} ({file.Format}): {Records(file.Seen)}, {file.Added} added, {file.Updated} updated, {file.Unchanged} unchanged, {file.Rejected} rejected");
            foreach (var note in file.Notes) text.AppendLine($"  note: {note}");
            if (file.SkippedWithdrawals > 0) text.AppendLine($"  note: {CountPhrase.Of(file.SkippedWithdrawals, "withdrawal notice")} of papers not stored skipped");
        }
        foreach (var rejection in Rejections) text.AppendLine($"  rejected {rejection}");
        var recordRejections = Files.Sum(f => f.Rejected);
        if (recordRejections > Rejections.Count) text.AppendLine($"  ... and {recordRejections - Rejections.Count} more rejections");
        var seconds = Math.Max((FinishedAt - StartedAt).TotalSeconds, 0.001);
        text.AppendLine($"Total: {FilesRead} of {Files.Count} files read, {Records(Seen)} seen, {Added} added, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {seconds:0.00} s ({Seen / seconds:0} records/s)");
        if (NothingChanged() is { } closing) text.AppendLine(closing);
        if (Cancelled) text.AppendLine("Cancelled: committed batches are kept, the batch in progress was rolled back.");
        if (StorageFailure is not null)
        {
            text.AppendLine($"Stopped: {StorageFailure}. The {Added} added and {Updated} updated papers above are stored; {NotStored} records of the batch in progress and everything after them were not. Free space and ingest the same files again: stored papers are left unchanged.");
        }
        return text.ToString();
    }

    /// <summary>
    /// The closing line when the run stored nothing, saying why: records can be unchanged or rejected, and
    /// "already stored" must not be said of records that were rejected.
    /// </summary>
    private string? NothingChanged()
    {
        // A storage failure has its own closing line: records it did not store were neither unchanged nor rejected.
        if (Added > 0 || Updated > 0 || StorageFailure is not null) return null;
        var rejectedRecords = Files.Sum(f => f.Rejected);
        if (Seen == 0) return "Nothing changed: no records were read.";
        if (Unchanged == Seen) return "Nothing changed: every record was already stored.";
        if (rejectedRecords == Seen) return "Nothing changed: every record was rejected.";
        return $"Nothing changed: {Records(Unchanged)} already stored, {Records(rejectedRecords)} rejected.";
    }

    private static string Records(int count) => CountPhrase.Of(count, "record");
}

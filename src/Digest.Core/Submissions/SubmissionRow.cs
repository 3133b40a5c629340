using System.Globalization;
using Digest.Core.Storage;

namespace Digest.Core.Submissions;

/// <summary>A <c>submissions</c> row joined with its reader's email, as Dapper reads it.</summary>
internal sealed class SubmissionRow
{
    public string PaperId { get; set; } = "";
    public string Day { get; set; } = "";
    public long ReaderId { get; set; }
    public string ReaderEmail { get; set; } = "";
    public string SubmittedAt { get; set; } = "";

    public Submission ToSubmission() => new(
        PaperId,
        PaperRow.ParseDate(Day)!.Value,
        ReaderId,
        ReaderEmail,
        DateTimeOffset.Parse(SubmittedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
}

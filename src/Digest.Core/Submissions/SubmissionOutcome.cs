using Digest.Core.Papers;

namespace Digest.Core.Submissions;

/// <summary>
/// The answer to a submission: what happened, a message for the reader, and the facts behind it. For
/// <see cref="SubmissionResult.Added"/> and <see cref="SubmissionResult.AlreadySubmitted"/>, <see cref="Submission"/> is
/// the row that puts the paper on the day (for the latter: who submitted it first, and when).
/// </summary>
public sealed record SubmissionOutcome(SubmissionResult Result, string Message)
{
    /// <summary>The version-less arXiv id read from the reader's text, when it held one.</summary>
    public string? ArxivId { get; init; }

    public Submission? Submission { get; init; }

    /// <summary>The stored paper, when it is added.</summary>
    public Paper? Paper { get; init; }
}

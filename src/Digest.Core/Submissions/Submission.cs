namespace Digest.Core.Submissions;

/// <summary>A paper a reader put on a digest day: "submitted by" on that day's digest.</summary>
public sealed record Submission(string PaperId, DateOnly Day, long ReaderId, string ReaderEmail, DateTimeOffset SubmittedAt);

namespace Digest.Core.Readers;

/// <summary>A paper's votes after a reader voted or took the vote back: every vote trending counts, and the reader's own state.</summary>
public sealed record VoteOutcome(string PaperId, int Votes, bool Voted);

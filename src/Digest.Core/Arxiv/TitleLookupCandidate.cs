namespace Digest.Core.Arxiv;

/// <summary>A paper known only by its title, due for a lookup; with its last lookup when there was one.</summary>
public sealed record TitleLookupCandidate(string PaperId, string Title, string? LastOutcome, DateTimeOffset? LastLookedUpAt, DateTimeOffset? RetryAt);

namespace Digest.Core.Topics;

/// <summary>The outcome of re-assigning topics: papers read, papers whose topics changed, and slugs gone from or new in the taxonomy.</summary>
public sealed record TopicReassignment(int Papers, int Changed, IReadOnlyList<string> RemovedSlugs, IReadOnlyList<string> AddedSlugs);

namespace Digest.Core.Topics;

/// <summary>How many papers of a collection one topic holds.</summary>
/// <param name="Slug">The topic.</param>
/// <param name="Parent">The topic's parent slug, or null.</param>
/// <param name="Count">Papers assigned the topic.</param>
/// <param name="Share">Count divided by the number of papers (0 to 1).</param>
public sealed record TopicShare(string Slug, string? Parent, int Count, double Share);

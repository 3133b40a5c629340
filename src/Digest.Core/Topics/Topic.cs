namespace Digest.Core.Topics;

/// <summary>
/// One topic of the taxonomy: a stable <see cref="Slug"/> for URLs, a label and description for people,
/// an optional parent, and a definition as a Lucene query (see <see cref="TopicQueryParser"/>).
/// </summary>
/// <param name="Slug">Lowercase a-z, 0-9 and hyphens; stable, used in URLs and stored with papers.</param>
/// <param name="Label">Display name, for example <c>Fine-tuning</c>.</param>
/// <param name="Description">One line that tells a reader what belongs here.</param>
/// <param name="Parent">Slug of the parent topic, or null for a top-level topic.</param>
/// <param name="Query">The definition in classic Lucene query syntax over title, abstract, category and keyword.</param>
public sealed record Topic(string Slug, string Label, string Description, string? Parent, string Query);

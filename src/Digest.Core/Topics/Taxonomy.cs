using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Topics;

/// <summary>
/// A validated set of topics in display order: slugs unique, every parent known, no parent cycles,
/// every query parsable. Build one with <see cref="TaxonomyLoader"/>. Immutable, so safe to share.
/// </summary>
public sealed class Taxonomy
{
    // Bump when the assignment rules change (not the definitions), so stored assignments are redone.
    private const string AssignmentRulesVersion = "assign-v1";

    private readonly Dictionary<string, Topic> _bySlug;

    internal Taxonomy(IReadOnlyList<Topic> topics)
    {
        Topics = topics;
        _bySlug = topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        Fingerprint = ComputeFingerprint(topics);
    }

    /// <summary>All topics in taxonomy order (the order of the files; overrides keep the default's position).</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>
    /// SHA-256 (hex) of what decides assignment: each topic's slug, parent and query in order, plus the version
    /// of the assignment rules. Labels and descriptions are left out: changing them needs no re-assignment.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The topic with this slug, or null.</summary>
    public Topic? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>The direct children of a topic (or the top-level topics for null), in taxonomy order.</summary>
    public IReadOnlyList<Topic> ChildrenOf(string? parentSlug) =>
        Topics.Where(t => t.Parent == parentSlug).ToList();

    private static string ComputeFingerprint(IReadOnlyList<Topic> topics)
    {
        var text = new StringBuilder(AssignmentRulesVersion).Append('\n');
        foreach (var topic in topics)
            text.Append(topic.Slug).Append('\t').Append(topic.Parent).Append('\t').Append(topic.Query).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

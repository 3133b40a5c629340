namespace Digest.Core.Topics;

/// <summary>A <c>[slug]</c> block as written in a taxonomy file, with the lines of its keys for precise problems.</summary>
internal sealed class TopicBlock(string source, string slug, int headerLine)
{
    public string Source { get; } = source;

    public string Slug { get; } = slug;

    public int HeaderLine { get; } = headerLine;

    /// <summary>Key → (value, line of the key). Continuation lines are already joined into the value.</summary>
    public Dictionary<string, (string Value, int Line)> Values { get; } = new(StringComparer.Ordinal);

    public string? Get(string key) => Values.TryGetValue(key, out var entry) ? entry.Value : null;

    public int LineOf(string key) => Values.TryGetValue(key, out var entry) ? entry.Line : HeaderLine;

    public Topic ToTopic() => new(
        Slug,
        Get(TaxonomyParser.LabelKey) ?? "",
        Get(TaxonomyParser.DescriptionKey) ?? "",
        string.IsNullOrEmpty(Get(TaxonomyParser.ParentKey)) ? null : Get(TaxonomyParser.ParentKey),
        Get(TaxonomyParser.QueryKey) ?? "");
}

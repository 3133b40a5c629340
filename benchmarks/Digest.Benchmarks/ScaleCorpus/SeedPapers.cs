using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Digest.Benchmarks.ScaleCorpus;

/// <summary>
/// The seed file (papers-dev.jsonl) read once and kept small: each paper's sentences and title words, grouped by
/// primary category so a generated paper only mixes text of its own field, and the first and last names of its authors.
/// </summary>
internal sealed partial class SeedPapers
{
    // A category with fewer seeds than this mixes with its whole archive (cs, eess, math...): two or three papers of
    // one small category would come back as near copies of each other.
    private const int SmallestGroup = 8;

    /// <summary>Words a title keeps as they are: swapping them gives ungrammatical titles, not varied ones.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "via", "from", "by", "at", "as", "is", "are", "or",
        "into", "onto", "towards", "toward", "through", "using", "under", "over", "without", "versus", "vs", "its", "their",
        "our", "we", "how", "what", "when", "where", "why", "which", "do", "does", "can", "not", "beyond", "between",
        "across", "within", "per", "that", "this", "these", "based", "more", "less", "than", "all", "your", "you", "be",
    };

    public required IReadOnlyList<SeedPaper> Papers { get; init; }

    /// <summary>For every seed (by position in <see cref="Papers"/>), the seeds of its group, itself included.</summary>
    public required IReadOnlyList<SeedPaper[]> GroupOf { get; init; }

    public required string[] FirstNames { get; init; }

    public required string[] LastNames { get; init; }

    public static SeedPapers Read(string path)
    {
        var papers = new List<SeedPaper>();
        var firstNames = new HashSet<string>(StringComparer.Ordinal);
        var lastNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var record = JsonSerializer.Deserialize<SeedRecord>(line);
            if (record?.Title is null || record.Abstract is null || record.Categories is not { Length: > 0 }) continue;
            var authors = record.Authors ?? [];
            foreach (var author in authors) AddNameParts(author, firstNames, lastNames);
            papers.Add(new SeedPaper(
                record.Title,
                [.. record.Title.Split(' ').Select(TitleWords.Core).Where(IsContentWord)],
                SentenceBoundary().Split(record.Abstract),
                Math.Clamp(authors.Length, 1, 12),
                record.Categories));
        }
        if (papers.Count == 0) throw new InvalidDataException($"{path} holds no paper with a title, an abstract and categories");

        var byCategory = papers.GroupBy(p => p.Categories[0]).ToDictionary(g => g.Key, g => g.ToArray());
        var byArchive = papers.GroupBy(p => Archive(p.Categories[0])).ToDictionary(g => g.Key, g => g.ToArray());
        var all = papers.ToArray();
        SeedPaper[] Group(SeedPaper p) =>
            byCategory[p.Categories[0]] is { Length: >= SmallestGroup } own ? own
            : byArchive[Archive(p.Categories[0])] is { Length: >= SmallestGroup } archive ? archive
            : all;
        return new SeedPapers
        {
            Papers = papers,
            GroupOf = [.. papers.Select(Group)],
            // Sorted, so the same seed file gives the same name population whatever the hash order.
            FirstNames = [.. firstNames.Order(StringComparer.Ordinal)],
            LastNames = [.. lastNames.Order(StringComparer.Ordinal)],
        };
    }

    // Plain words only ("Grasping", "multi-view"): names and acronyms such as "SARD" or "RGBX-DiffusionDet" stay where
    // they are, and never land in another title, where they read as nonsense.
    private static bool IsContentWord(string core) => core.Length >= 4 && !FunctionWords.Contains(core) && PlainWord().IsMatch(core);

    private static string Archive(string category) => category.Split('.')[0];

    // Only plain personal names: "NVIDIA", "GLM-4. 5 Team" and initials would give names no one has.
    private static void AddNameParts(string author, HashSet<string> firstNames, HashSet<string> lastNames)
    {
        var parts = author.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 4 || !parts.All(p => NamePart().IsMatch(p))) return;
        firstNames.Add(parts[0]);
        lastNames.Add(parts[^1]);
    }

    // A sentence ends at . ! or ? followed by a space and a capital, a parenthesis or TeX; "e.g. the" does not split.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}($])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"^\p{L}\p{Ll}+(?:-\p{L}\p{Ll}+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^\p{Lu}[\p{Ll}'\-]*\p{Ll}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePart();

    private sealed record SeedRecord(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("abstract")] string? Abstract,
        [property: JsonPropertyName("authors")] string[]? Authors,
        [property: JsonPropertyName("categories")] string[]? Categories);
}

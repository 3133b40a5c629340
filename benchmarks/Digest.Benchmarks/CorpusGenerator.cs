using System.Text.Json;
using System.Text.Json.Serialization;
using Digest.Core.Papers;

namespace Digest.Benchmarks;

/// <summary>
/// A synthetic corpus of any size from the real sample papers: the originals first, then variants that recombine
/// the halves of two titles and the sentences of two abstracts, mix their authors and shift their dates, so term
/// statistics, title lengths and facet spreads stay realistic. Topics come from keyword rules, as a taxonomy would assign them.
/// Deterministic: the same size gives the same corpus.
/// </summary>
public static class CorpusGenerator
{
    private static readonly (string Needle, string Topic)[] TopicRules =
    [
        ("language model", "llm"), ("llm", "llm"), ("diffusion", "diffusion-models"), ("reinforcement", "reinforcement-learning"),
        ("graph", "graphs"), ("robot", "robotics"), ("image", "computer-vision"), ("vision", "computer-vision"),
        ("speech", "speech-audio"), ("audio", "speech-audio"), ("protein", "biology"), ("molecul", "biology"),
        ("quantum", "quantum"), ("time series", "forecasting"), ("forecast", "forecasting"), ("agent", "agents"),
        ("retrieval", "retrieval"), ("benchmark", "benchmarks"), ("attack", "security"), ("privacy", "security"),
        ("federated", "federated-learning"), ("medical", "medicine"), ("clinical", "medicine"), ("energy", "energy"),
    ];

    public static List<Paper> Generate(string dataPath, int count)
    {
        var sources = File.ReadLines(dataPath)
            .Select(line => JsonSerializer.Deserialize<SampleRecord>(line))
            .OfType<SampleRecord>()
            .Where(r => r.Title is not null && r.Abstract is not null)
            .ToList();
        var papers = new List<Paper>(count);
        var idsPerMonth = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var a = sources[i % sources.Count];
            var variant = i / sources.Count;
            var paper = variant == 0 ? Original(a, i) : Variant(a, sources[(i * 7919 + variant) % sources.Count], i, variant);
            var month = paper.Published!.Value.ToString("yyMM", System.Globalization.CultureInfo.InvariantCulture);
            var number = idsPerMonth[month] = idsPerMonth.GetValueOrDefault(month, 50_000) + 1;
            var id = variant == 0 && a.ArxivId is not null ? a.ArxivId : $"{month}.{number:D5}";
            papers.Add(paper with { Id = id, ArxivId = id });
        }
        return papers;
    }

    private static Paper Original(SampleRecord r, int i) => Decorate(new Paper
    {
        Id = "",
        Title = r.Title!,
        Abstract = r.Abstract!,
        Authors = r.Authors ?? [],
        Categories = r.Categories ?? [],
        Published = r.Published ?? new DateOnly(2023, 1, 1).AddDays((int)(Hash(i) % 1_000)),
    }, i);

    private static Paper Variant(SampleRecord a, SampleRecord b, int i, int variant)
    {
        var titleA = a.Title!.Split(' ');
        var titleB = b.Title!.Split(' ');
        var title = string.Join(' ', titleA.Take((titleA.Length + 1) / 2).Concat(titleB.Skip(titleB.Length / 2)));
        var sentencesA = a.Abstract!.Split(". ");
        var sentencesB = b.Abstract!.Split(". ");
        var sentences = sentencesA.Where((_, k) => k % 2 == 0).Concat(sentencesB.Where((_, k) => k % 2 == 1)).ToList();
        var authors = (a.Authors ?? []).Take(3).Concat((b.Authors ?? []).Take(1)).Distinct().ToList();
        var published = (a.Published ?? new DateOnly(2024, 6, 1)).AddDays(-29 * variant - (int)(Hash(i) % 28));
        return Decorate(new Paper
        {
            Id = "",
            Title = title,
            Abstract = string.Join(". ", sentences),
            Authors = authors,
            Categories = a.Categories ?? [],
            Published = published,
        }, i);
    }

    private static Paper Decorate(Paper paper, int i)
    {
        var text = (paper.Title + " " + paper.Abstract).ToLowerInvariant();
        var topics = TopicRules.Where(rule => text.Contains(rule.Needle, StringComparison.Ordinal)).Select(rule => rule.Topic).Distinct().Take(3).ToList();
        var hash = Hash(i);
        return paper with
        {
            Topics = topics,
            CodeUrls = hash % 10 < 3 ? [$"https://github.com/lab{hash % 997}/repo{i}"] : [],
            DigestDays = hash % 5 == 0 ? [paper.Published!.Value.AddDays(1)] : [],
            Upvotes = hash % 5 == 0 ? (int)(hash % 120) : null,
        };
    }

    private static uint Hash(int i) => (uint)i * 2_654_435_761u >> 8;

    private sealed record SampleRecord(
        [property: JsonPropertyName("arxiv_id")] string? ArxivId,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("abstract")] string? Abstract,
        [property: JsonPropertyName("authors")] string[]? Authors,
        [property: JsonPropertyName("published")] DateOnly? Published,
        [property: JsonPropertyName("categories")] string[]? Categories);
}

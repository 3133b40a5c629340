using System.Text.Json;

namespace Digest.Benchmarks;

/// <summary>BEIR SciFact from the shared data folder: 5,183 abstracts, 1,109 claims, train and test judgments.</summary>
public sealed class SciFactData
{
    public required IReadOnlyList<(string Id, string Title, string Text)> Corpus { get; init; }
    public required IReadOnlyDictionary<string, string> Queries { get; init; }
    public required IReadOnlyDictionary<string, HashSet<string>> Train { get; init; }
    public required IReadOnlyDictionary<string, HashSet<string>> Test { get; init; }

    public static SciFactData Load()
    {
        var corpusPath = SharedData.Find(Path.Combine("scifact", "corpus.jsonl"));
        var folder = Path.GetDirectoryName(corpusPath)!;
        var corpus = File.ReadLines(corpusPath).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return (root.GetProperty("_id").GetString()!, root.GetProperty("title").GetString()!, root.GetProperty("text").GetString()!);
        }).ToList();
        var queries = File.ReadLines(Path.Combine(folder, "queries.jsonl")).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return (json.RootElement.GetProperty("_id").GetString()!, json.RootElement.GetProperty("text").GetString()!);
        }).ToDictionary(q => q.Item1, q => q.Item2);
        return new SciFactData { Corpus = corpus, Queries = queries, Train = Judgments(folder, "train.tsv"), Test = Judgments(folder, "test.tsv") };
    }

    /// <summary>Relevant documents per query (score above 0); the test file has CRLF line endings.</summary>
    private static Dictionary<string, HashSet<string>> Judgments(string folder, string name) =>
        File.ReadLines(Path.Combine(folder, "qrels", name)).Skip(1)
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .Where(parts => parts.Length >= 3 && parts[2] != "0")
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.Select(parts => parts[1]).ToHashSet());
}

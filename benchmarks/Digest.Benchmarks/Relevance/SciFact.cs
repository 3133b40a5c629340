using System.Text.Json;
using Digest.Core.Papers;

namespace Digest.Benchmarks.Relevance;

/// <summary>The BEIR SciFact benchmark read from <c>../shared/data/scifact</c>: abstracts, claims and judgments.</summary>
public sealed class SciFact
{
    private SciFact(IReadOnlyList<Paper> papers, IReadOnlyDictionary<string, string> queries, Judgments train, Judgments test)
    {
        Papers = papers;
        Queries = queries;
        Train = train;
        Test = test;
    }

    /// <summary>Every abstract as a paper whose id is <see cref="PaperIdOf"/> its corpus id.</summary>
    public IReadOnlyList<Paper> Papers { get; }

    /// <summary>Claim text by query id.</summary>
    public IReadOnlyDictionary<string, string> Queries { get; }

    /// <summary>The 809 training queries: every parameter is chosen on these.</summary>
    public Judgments Train { get; }

    /// <summary>The 300 test queries: reported, never tuned on.</summary>
    public Judgments Test { get; }

    /// <summary>The Digest paper id of a corpus document (ids must not look like arXiv ids, so they are prefixed).</summary>
    public static string PaperIdOf(string corpusId) => "scifact-" + corpusId;

    /// <summary>The SciFact folder of the shared data beside the repository.</summary>
    public static string SharedDirectory() => Path.GetDirectoryName(SharedData.Find(Path.Combine("scifact", "corpus.jsonl")))!;

    public static SciFact Load(string directory)
    {
        var papers = new List<Paper>();
        var day = new DateOnly(2020, 1, 1);
        foreach (var line in File.ReadLines(Path.Combine(directory, "corpus.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var title = root.GetProperty("title").GetString() ?? "";
            papers.Add(new Paper
            {
                Id = PaperIdOf(root.GetProperty("_id").GetString()!),
                // A few SciFact titles are empty; the paper is still searchable by its abstract.
                Title = title,
                Abstract = root.GetProperty("text").GetString() ?? "",
                Published = day,
            });
        }
        var queries = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "queries.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            queries[json.RootElement.GetProperty("_id").GetString()!] = json.RootElement.GetProperty("text").GetString()!;
        }
        return new SciFact(
            papers, queries,
            Judgments.Read(Path.Combine(directory, "qrels", "train.tsv")),
            Judgments.Read(Path.Combine(directory, "qrels", "test.tsv")));
    }
}

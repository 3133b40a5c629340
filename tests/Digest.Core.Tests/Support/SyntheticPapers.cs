using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Digest.Core.Tests.Support;

/// <summary>Papers made up from a seed, as JSON Lines: many of them, each distinct, to fill a store and an index quickly.</summary>
public static class SyntheticPapers
{
    private static readonly string[] Words =
    [
        "learning", "model", "graph", "neural", "protein", "language", "vision", "robot", "policy", "diffusion", "sparse",
        "attention", "kernel", "quantum", "causal", "retrieval", "speech", "memory", "optimal", "transport", "bayesian",
        "inference", "gradient", "benchmark", "dataset", "agent", "reward", "token", "embedding", "contrastive",
    ];

    /// <summary><paramref name="count"/> papers numbered from <paramref name="first"/>, with abstracts of about <paramref name="abstractWords"/> words.</summary>
    public static string JsonLines(int count, int first = 0, int abstractWords = 80, int seed = 7)
    {
        var random = new Random(seed + first);
        var text = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            var words = Enumerable.Range(0, abstractWords).Select(_ => Words[random.Next(Words.Length)]);
            var record = new
            {
                arxiv_id = $"2501.{i:D5}",
                title = $"Synthetic study {i.ToString(CultureInfo.InvariantCulture)} of {Words[i % Words.Length]} {Words[(i / 7) % Words.Length]}",
                @abstract = $"Paper {i.ToString(CultureInfo.InvariantCulture)}: " + string.Join(' ', words) + " zq" + i.ToString(CultureInfo.InvariantCulture) + ".",
                authors = new[] { $"A. Author{i % 97}", $"B. Writer{i % 13}" },
                published = $"2025-01-{1 + i % 28:D2}",
                categories = new[] { "cs.LG" },
            };
            text.AppendLine(JsonSerializer.Serialize(record));
        }
        return text.ToString();
    }
}

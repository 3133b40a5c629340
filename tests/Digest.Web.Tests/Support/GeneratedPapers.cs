using System.Text;
using System.Text.Json;

namespace Digest.Web.Tests.Support;

/// <summary>
/// Distinct, valid papers as JSON Lines, as many as a drill needs, the same for the same arguments. Titles and abstracts
/// draw on a small vocabulary so that a handful of queries match many papers, as on a real instance.
/// </summary>
public static class GeneratedPapers
{
    /// <summary>Words that every search drill can query: each is in a good share of the titles and abstracts.</summary>
    public static readonly string[] QueryWords = ["language", "diffusion", "graph", "reinforcement", "transformer", "retrieval"];

    private static readonly string[] Vocabulary =
    [
        .. QueryWords, "models", "networks", "learning", "attention", "agents", "robots", "vision", "segmentation", "proteins",
        "molecules", "optimization", "benchmarks", "datasets", "reasoning", "alignment", "speech", "translation",
        "compression", "quantization", "sparse", "kernels", "planning", "policies", "images", "video", "scaling",
    ];

    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "cs.RO", "stat.ML"];

    /// <summary>Writes <paramref name="count"/> papers with ids 2501.<paramref name="firstNumber"/> onwards to <paramref name="path"/>.</summary>
    public static void WriteJsonLines(string path, int count, int firstNumber = 1, int seed = 2501)
    {
        if (firstNumber < 1 || firstNumber + count - 1 > 99_999) throw new ArgumentOutOfRangeException(nameof(count), "ids are 2501.NNNNN");
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        for (var i = 0; i < count; i++)
        {
            var number = firstNumber + i;
            writer.Write(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["arxiv_id"] = $"2501.{number:D5}",
                // The number in the title keeps every title distinct, so no two papers look like one to a merger.
                ["title"] = $"{Words(random, 6)} study {number}",
                ["abstract"] = $"We report experiment {number}. {Words(random, 48)}.",
                ["authors"] = new[] { $"Author {random.Next(1, 400)}", $"Writer {random.Next(1, 400)}" },
                ["published"] = $"2025-01-{random.Next(1, 29):D2}",
                ["categories"] = new[] { Categories[random.Next(Categories.Length)] },
            }));
            writer.Write('\n');
        }
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
}

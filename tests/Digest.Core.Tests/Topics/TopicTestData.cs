using System.Text.Json;
using Digest.Core.Papers;

namespace Digest.Core.Tests.Topics;

/// <summary>Minimal readers for the shared test data (the production parsers live elsewhere).</summary>
internal static class TopicTestData
{
    /// <summary>The folder holding shared/data, found by walking up from the test binaries.</summary>
    public static string SharedDataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "papers-dev.jsonl"))) return candidate;
        }
        throw new InvalidOperationException("No shared/data/papers-dev.jsonl above " + AppContext.BaseDirectory);
    }

    public static List<Paper> DevPapers() =>
        File.ReadLines(Path.Combine(SharedDataDirectory(), "papers-dev.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                return new Paper
                {
                    Id = root.GetProperty("arxiv_id").GetString()!,
                    Title = root.GetProperty("title").GetString()!,
                    Abstract = root.GetProperty("abstract").GetString()!,
                    Categories = root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList(),
                };
            })
            .ToList();

    /// <summary>The sample digest: after the date line, paragraphs alternate title and abstract.</summary>
    public static List<Paper> SampleDigestPapers()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedDataDirectory(), "sample-digest.txt"));
        var start = Array.FindIndex(lines, l => l.Trim() == "Mar 11") + 1;
        var paragraphs = lines.Skip(start).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var papers = new List<Paper>();
        for (var i = 0; i + 1 < paragraphs.Count; i += 2)
            papers.Add(new Paper { Id = "sample-" + (i / 2), Title = paragraphs[i], Abstract = paragraphs[i + 1] });
        return papers;
    }

    public static Paper SamplePaper(string titleStart) =>
        SampleDigestPapers().Single(p => p.Title.StartsWith(titleStart, StringComparison.Ordinal));
}

namespace Digest.Benchmarks.Relevance;

/// <summary>Relevance judgments (BEIR qrels): for each query id, the relevant paper ids and their grades.</summary>
public sealed class Judgments(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> relevant)
{
    /// <summary>Relevant paper ids and grades by query id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Relevant { get; } = relevant;

    /// <summary>Reads a qrels file: a header line, then <c>query-id TAB corpus-id TAB score</c> (LF or CRLF).</summary>
    public static Judgments Read(string path)
    {
        var byQuery = new Dictionary<string, Dictionary<string, int>>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var grade) || grade <= 0) continue;
            if (!byQuery.TryGetValue(parts[0], out var papers)) byQuery[parts[0]] = papers = [];
            papers[SciFact.PaperIdOf(parts[1])] = grade;
        }
        return new Judgments(byQuery.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value));
    }
}

using System.Text;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;

namespace Digest.Core.Tests.Ingestion.Fuzzing;

/// <summary>
/// The real inputs the fuzz drill mutates, per format: the test project's fixtures and the sample digest embedded in
/// Digest.Core, plus <c>shared/data</c> (the sample digest page, the first lines of <c>papers-dev.jsonl</c>) when a
/// checkout has it beside the repository. Nothing here needs the shared folder: without it the project's own inputs serve.
/// </summary>
internal static class FuzzSeeds
{
    private const int SharedJsonLines = 200;

    /// <summary>Seed inputs (UTF-8 bytes) for <paramref name="format"/>; never empty.</summary>
    public static IReadOnlyList<byte[]> For(SourceFormat format) => format switch
    {
        SourceFormat.HuggingFaceDaily => [Fixture("hf-daily.json")],
        SourceFormat.ArxivAtom => [Fixture("arxiv-atom.xml"), Fixture("arxiv-atom-error.xml")],
        SourceFormat.ArxivOai => [Fixture("oai-arxiv.xml"), Fixture("oai-arxivraw.xml"), Fixture("oai-dc.xml")],
        SourceFormat.ArxivListing => [Fixture("arxiv-listing-rss.xml"), Fixture("arxiv-listing-atom.xml")],
        SourceFormat.DigestText => [.. DigestPages()],
        SourceFormat.JsonLines => [.. JsonLines()],
        SourceFormat.ArxivSnapshot => [Fixture("arxiv-snapshot.jsonl")],
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Every format's seeds, for splicing one format into another.</summary>
    public static IReadOnlyList<byte[]> All { get; } = [.. Enum.GetValues<SourceFormat>().SelectMany(For)];

    private static byte[] Fixture(string name) => File.ReadAllBytes(ParserTestKit.FixturePath(name));

    private static IEnumerable<byte[]> DigestPages()
    {
        using (var sample = SampleDigest.Open())
        using (var copy = new MemoryStream())
        {
            sample.CopyTo(copy);
            var page = copy.ToArray();
            // The whole page (113 KB) is slow to mutate a byte at a time; its first days carry every shape.
            yield return page.AsSpan(0, Math.Min(page.Length, 12_000)).ToArray();
        }
        if (Shared("sample-digest.txt") is { } path) yield return [.. File.ReadAllBytes(path).Skip(40_000).Take(12_000)];
    }

    private static IEnumerable<byte[]> JsonLines()
    {
        // Digest's own export of the fixtures' papers: the format the round trip promises to read back.
        var papers = new[] { ("hf-daily.json", SourceFormat.HuggingFaceDaily), ("arxiv-atom.xml", SourceFormat.ArxivAtom), ("oai-arxivraw.xml", SourceFormat.ArxivOai) }
            .SelectMany(f => ParserTestKit.Parse(PaperParsers.For(f.Item2), File.ReadAllText(ParserTestKit.FixturePath(f.Item1))).Papers());
        yield return Encoding.UTF8.GetBytes(string.Concat(papers.Select(PaperJsonLinesWriter.ToLine)));
        if (Shared("papers-dev.jsonl") is { } path)
        {
            var lines = File.ReadLines(path).Take(SharedJsonLines).ToList();
            for (var i = 0; i + 4 <= lines.Count; i += 20) yield return Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(i).Take(4)) + "\n");
        }
    }

    private static string? Shared(string name)
    {
        try
        {
            return ParserTestKit.SharedDataFile(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}

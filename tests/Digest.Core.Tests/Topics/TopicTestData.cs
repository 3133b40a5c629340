using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using Digest.Core.Tests.Ingestion;

namespace Digest.Core.Tests.Topics;

/// <summary>The shared test data read by the production parsers and validator, as ingest reads it.</summary>
internal static class TopicTestData
{
    public static List<Paper> DevPapers() => Read(SourceFormat.JsonLines, "papers-dev.jsonl", new ParseContext { SourceName = "papers-dev.jsonl" });

    public static List<Paper> SampleDigestPapers() =>
        Read(SourceFormat.DigestText, "sample-digest.txt", new ParseContext { SourceName = "sample-digest.txt", Year = 2024 });

    private static List<Paper> Read(SourceFormat format, string fileName, ParseContext context)
    {
        using var reader = new StreamReader(ParserTestKit.SharedDataFile(fileName));
        return PaperParsers.For(format).Parse(reader, context)
            .Select(item => item.Paper is null ? null : PaperValidator.Validate(item.Paper, context.Limits).Paper)
            .OfType<Paper>()
            .ToList();
    }

    public static Paper SamplePaper(string titleStart) =>
        SampleDigestPapers().Single(p => p.Title.StartsWith(titleStart, StringComparison.Ordinal));
}

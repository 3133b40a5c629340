namespace Digest.Core.Ingestion.Parsers;

/// <summary>The parser for every <see cref="SourceFormat"/>. Parsers are stateless, so one instance each serves every caller.</summary>
public static class PaperParsers
{
    /// <summary>Every parser, most specific recogniser first (the order <see cref="SourceFormatDetector"/> asks them in).</summary>
    public static IReadOnlyList<IPaperParser> All { get; } =
    [
        new HuggingFaceDailyParser(),
        // Before JSON Lines, which takes any line that starts with '{'.
        new ArxivSnapshotParser(),
        new JsonLinesParser(),
        new ArxivOaiParser(),
        // Before the API's Atom parser: a listing's Atom feed declares the same arxiv namespace.
        new ArxivListingParser(),
        new ArxivAtomParser(),
        new DigestTextParser(),
    ];

    /// <summary>The parser for <paramref name="format"/>.</summary>
    public static IPaperParser For(SourceFormat format) =>
        All.FirstOrDefault(parser => parser.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "no parser for this format");
}

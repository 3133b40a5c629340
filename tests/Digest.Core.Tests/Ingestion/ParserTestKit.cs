using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Papers;

namespace Digest.Core.Tests.Ingestion;

/// <summary>Shared plumbing for parser tests: fixtures, the shared data folder, and running a parser to a list.</summary>
internal static class ParserTestKit
{
    public static readonly DateOnly Today = new(2024, 3, 20);

    public static ParseContext Context(DateOnly? date = null, int? year = null, IngestLimits? limits = null) =>
        new() { SourceName = "test", Date = date, Year = year, Today = Today, Limits = limits ?? new IngestLimits() };

    public static List<ParsedItem> Parse(IPaperParser parser, string text, ParseContext? context = null) =>
        parser.Parse(new StringReader(text), context ?? Context()).ToList();

    /// <summary>Parses raw bytes the way the ingest service reads uploads: UTF-8 with BOM detection.</summary>
    public static List<ParsedItem> ParseBytes(IPaperParser parser, byte[] bytes, ParseContext? context = null)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return parser.Parse(reader, context ?? Context()).ToList();
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Fixture(string name) => File.ReadAllText(FixturePath(name));

    public static List<Paper> Papers(this IEnumerable<ParsedItem> items) => items.Where(i => i.Paper is not null).Select(i => i.Paper!).ToList();

    public static List<ParsedItem> Rejections(this IEnumerable<ParsedItem> items) => items.Where(i => i.Problem is not null).ToList();

    /// <summary>
    /// /work/shared/data (next to the repository): found by walking up from the test binaries, so tests run from any checkout.
    /// </summary>
    public static string SharedDataFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/data/{name} was not found in any parent of {AppContext.BaseDirectory}");
    }

    /// <summary>Field-by-field equality; records compare lists by reference, so <c>Assert.Equal(paper, other)</c> would not do.</summary>
    public static void AssertSamePaper(Paper expected, Paper actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.ArxivId, actual.ArxivId);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Abstract, actual.Abstract);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Published, actual.Published);
        Assert.Equal(expected.Revised, actual.Revised);
        Assert.Equal(expected.DigestDays, actual.DigestDays);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.CodeUrls, actual.CodeUrls);
        Assert.Equal(expected.ProjectUrl, actual.ProjectUrl);
        Assert.Equal(expected.Doi, actual.Doi);
        Assert.Equal(expected.JournalRef, actual.JournalRef);
        Assert.Equal(expected.Comments, actual.Comments);
        Assert.Equal(expected.ReportNumber, actual.ReportNumber);
        Assert.Equal(expected.License, actual.License);
        Assert.Equal(expected.Upvotes, actual.Upvotes);
        Assert.Equal(expected.Topics, actual.Topics);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.FirstSeen, actual.FirstSeen);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
    }
}

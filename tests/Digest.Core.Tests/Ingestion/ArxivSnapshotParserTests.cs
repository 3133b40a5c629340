using System.Diagnostics;
using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Xunit.Abstractions;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class ArxivSnapshotParserTests(ITestOutputHelper output)
{
    private readonly ArxivSnapshotParser _parser = new();

    [Fact]
    public void Parse_Fixture_AcceptsGoodLines_AndRejectsEachBadOneByLineNumber()
    {
        var items = Parse(_parser, Fixture("arxiv-snapshot.jsonl"));

        // Line 4 is blank and skipped.
        Assert.Equal([1, 2, 3, 5, 6, 7, 8, 9], items.Select(i => i.Position));
        Assert.Equal(["0704.0001", "hep-th/9901001", "math/0406594", "2403.01234"], items.Papers().Select(p => p.ArxivId));
        var rejections = items.Rejections();
        Assert.Equal("'versions[0].created' is '2007-04-02', not an RFC 822 date (Mon, 2 Apr 2007 19:18:42 GMT)", rejections[0].Problem);
        Assert.Equal("missing 'id'", rejections[1].Problem);
        Assert.Equal("'update_date' is '13/11/2008', not a date (YYYY-MM-DD)", rejections[2].Problem);
        Assert.Equal(9, rejections[3].Position);
        Assert.Equal("the file ends in the middle of this record (after 60 characters): it was cut short", rejections[3].Problem);
    }

    [Fact]
    public void Parse_FirstRecord_KeepsEveryFieldTheSnapshotStates()
    {
        var paper = Validated(Parse(_parser, Fixture("arxiv-snapshot.jsonl")).Papers()[0]);

        Assert.Equal("0704.0001", paper.Id);
        // The title's source line wrap and the abstract's leading spaces and newlines are whitespace like any other.
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", paper.Title);
        Assert.StartsWith("A fully differential calculation in perturbative quantum chromodynamics is presented for", paper.Abstract);
        Assert.EndsWith("subprocesses are included.", paper.Abstract);
        // authors_parsed, "first last suffix"; validation decodes the TeX and keeps the original.
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], paper.Authors);
        Assert.Equal(["C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], paper.TexSource?.Authors);
        Assert.Equal(new DateOnly(2007, 4, 2), paper.Published);
        Assert.Equal(new DateOnly(2007, 7, 24), paper.Revised);
        Assert.Equal(["hep-ph"], paper.Categories);
        Assert.Equal("10.1103/PhysRevD.76.013009", paper.Doi);
        Assert.Equal("Phys.Rev.D76:013009,2007", paper.JournalRef);
        Assert.Equal("37 pages, 15 figures; published version", paper.Comments);
        Assert.Equal("ANL-HEP-PR-07-12", paper.ReportNumber);
        Assert.Null(paper.License);
        Assert.Equal(["arxiv-snapshot"], paper.Sources);
    }

    [Fact]
    public void Parse_OldStyleIds_ThreeVersions_AndAuthorsWithoutAuthorsParsed()
    {
        var papers = Parse(_parser, Fixture("arxiv-snapshot.jsonl")).Papers().Select(Validated).ToList();

        var strings = papers[1];
        Assert.Equal("hep-th/9901001", strings.Id);
        Assert.Equal("String dualities in low dimensions", strings.Title);
        Assert.Equal("Dualities of strings in two and three dimensions.", strings.Abstract);
        // No authors_parsed: the one string is split, affiliations in parentheses stay with their name.
        Assert.Equal(["A. One", "B. Two (MIT)", "C. Three"], strings.Authors);
        // v1 is the publication and v3 the latest revision, whatever order the versions are listed in.
        Assert.Equal(new DateOnly(1999, 1, 1), strings.Published);
        Assert.Equal(new DateOnly(1999, 3, 10), strings.Revised);
        Assert.Equal(["hep-th", "math.AG"], strings.Categories);
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/", strings.License);
        Assert.Null(strings.JournalRef);
        Assert.Null(strings.Comments);

        var sheaves = papers[2];
        Assert.Equal("math/0406594", sheaves.Id);
        // authors_parsed has a number where a name goes: the whole list is distrusted, the authors string is used.
        Assert.Equal(["Jane Doe", "John Roe"], sheaves.Authors);

        var sparse = papers[3];
        // The suffix follows the name; the affiliation after it is no part of the name.
        Assert.Equal(["Sam Smith Jr", "Ada Lovelace"], sparse.Authors);
        // No versions: nothing says when it was published; the update date is the latest revision known.
        Assert.Null(sparse.Published);
        Assert.Equal(new DateOnly(2024, 3, 5), sparse.Revised);
        Assert.Equal(["cs.LG", "cs.CL"], sparse.Categories);
        Assert.Equal(["https://github.com/example/sparse-attn"], sparse.CodeUrls);
    }

    [Theory]
    [InlineData("""{"id": "0704.0001", "title": "T", "authors_parsed": "Doe, J."}""", "J. Doe")]
    [InlineData("""{"id": "0704.0001", "title": "T", "authors_parsed": [["Doe", "J.", ""], {"last": "Roe"}]}""", "J. Doe|R. Roe")]
    [InlineData("""{"id": "0704.0001", "title": "T", "authors_parsed": [["Doe", "J.", ""], [["nested"]]]}""", "J. Doe|R. Roe")]
    [InlineData("""{"id": "0704.0001", "title": "T", "authors_parsed": []}""", "J. Doe|R. Roe")]
    [InlineData("""{"id": "0704.0001", "title": "T", "authors_parsed": null}""", "J. Doe|R. Roe")]
    public void Parse_MalformedOrEmptyAuthorsParsed_FallsBackToTheAuthorsString(string prefix, string expected)
    {
        // The authors string comes after authors_parsed, so a malformed list must be skipped exactly to its end.
        var line = prefix[..^1] + """, "authors": "J. Doe and R. Roe", "abstract": "after"}""";
        if (expected == "J. Doe") line = line.Replace("J. Doe and R. Roe", "J. Doe", StringComparison.Ordinal);

        var paper = Assert.Single(Parse(_parser, line).Papers());

        Assert.Equal(expected.Split('|'), paper.Authors);
        Assert.Equal("after", paper.Abstract);
    }

    [Theory]
    [InlineData("""{"id": "not an id", "title": "T"}""", "'id' is 'not an id', not an arXiv id")]
    [InlineData("""{"id": "0704.0001"}""", "missing 'title'")]
    [InlineData("""{"id": 704.0001, "title": "T"}""", "'id' must be a string, not a number")]
    [InlineData("""{"id": "0704.0001", "title": "T", "authors": ["A", "B"]}""", "'authors' must be a string, not an array")]
    [InlineData("""{"id": "0704.0001", "title": "T", "versions": {"version": "v1"}}""", "'versions' must be an array, not an object")]
    [InlineData("""{"id": "0704.0001", "title": "T", "versions": ["v1"]}""", "'versions[0]' must be an object, not a string")]
    [InlineData("""{"id": "0704.0001", "title": "T", "versions": [{"version": "v1"}]}""", "missing 'versions[0].created'")]
    [InlineData("""{"id": "0704.0001", "title": "T", "versions": [{"version": "v1", "created": "Mon, 32 Apr 2007 19:18:42 GMT"}]}""", "'versions[0].created' is 'Mon, 32 Apr 2007 19:18:42 GMT', not an RFC 822 date (Mon, 2 Apr 2007 19:18:42 GMT)")]
    [InlineData("""{"id": "0704.0001", "title": "T", "update_date": "yesterday"}""", "'update_date' is 'yesterday', not a date (YYYY-MM-DD)")]
    [InlineData("""{"id": "0704.0001", "title": "\ud800"}""", "'title' is not valid text: it escapes half of a surrogate pair (\\uD800-\\uDFFF)")]
    [InlineData("""{"id": "0704.0001", "title": "T"} {"id": "0704.0002"}""", "invalid JSON at character 35: '{' is invalid after a single JSON value.")]
    [InlineData("""[{"id": "0704.0001", "title": "T"}]""", "line is not a JSON object")]
    public void Parse_BadRecord_IsRejectedWithAPreciseReason(string line, string expected)
    {
        var items = Parse(_parser, """{"id": "0704.0008", "title": "Read before"}""" + "\n" + line + "\n" + """{"id": "0704.0009", "title": "Still read"}""" + "\n");

        Assert.Equal((2, expected), (items[1].Position, items[1].Problem));
        Assert.Equal(["Read before", "Still read"], items.Papers().Select(p => p.Title));
    }

    [Fact]
    public void Parse_BrokenJsonInTheMiddle_IsInvalidJson_NotACutOffFile()
    {
        var items = Parse(_parser, """{"id": "0704.0001", "title": "T",, }""" + "\n" + """{"id": "0704.0002", "title": "T2"}""");

        Assert.StartsWith("invalid JSON at character", items[0].Problem);
        Assert.Equal("0704.0002", Assert.Single(items.Papers()).Id);
    }

    [Fact]
    public void Parse_OversizedLine_IsOneRejection_WithoutBufferingIt_AndTheNextLineIsRead()
    {
        var huge = """{"id": "0704.0001", "title": "T", "abstract": """ + "\"" + new string('x', 3 * ArxivSnapshotParser.MaxLineChars) + "\"}";
        var text = huge + "\n" + """{"id": "0704.0002", "title": "After the big one"}""" + "\n";
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var items = Parse(_parser, text);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(2, items.Count);
        Assert.Equal(1, items[0].Position);
        Assert.Equal($"the line is {huge.Length:N0} characters; the limit is {ArxivSnapshotParser.MaxLineChars:N0}", items[0].Problem);
        Assert.Equal("After the big one", items[1].Paper!.Title);
        // Holding the line would take its 24 MB of UTF-16 (and more for a builder's growth); the cap bounds it to about the limit.
        Assert.True(allocated < 2L * huge.Length, $"{allocated:N0} bytes allocated for a line of {huge.Length:N0} characters");
    }

    [Fact]
    public void Parse_NulBytes_StopTheFileWithOneRejection()
    {
        var text = """{"id": "0704.0001", "title": "Before"}""" + "\n" + new string('\0', 100_000) + "\n" + """{"id": "0704.0002", "title": "Never read"}""";

        var items = Parse(_parser, text);

        Assert.Equal("Before", Assert.Single(items.Papers()).Title);
        var rejection = Assert.Single(items.Rejections());
        Assert.Equal(2, rejection.Position);
        Assert.StartsWith("the line contains NUL bytes", rejection.Problem);
    }

    [Theory]
    [InlineData("id,title,abstract\n{\"id\": \"0704.0001\", \"title\": \"T\"}", "not an arXiv snapshot: line 1 does not start with '{'")]
    [InlineData("\0\0\0{\"id\": \"0704.0001\"}", "not an arXiv snapshot: line 1 contains NUL bytes (a binary file?)")]
    public void Parse_NotASnapshotAtAll_IsOneFileRejection(string text, string expected)
    {
        var rejection = Assert.Single(Parse(_parser, text));
        Assert.Equal((0, expected), (rejection.Position, rejection.Problem));
    }

    [Fact]
    public void Parse_EmptyFile_IsOneFileRejection()
    {
        var rejection = Assert.Single(Parse(_parser, "\n  \n"));
        Assert.Equal(0, rejection.Position);
        Assert.Equal("not an arXiv snapshot: the file is empty", rejection.Problem);
    }

    [Fact]
    public void Parse_WithoutLargeFiles_StopsAtTheFileLimit()
    {
        var line = """{"id": "0704.0001", "title": "T", "abstract": "0123456789"}""" + "\n";
        var context = Context(limits: new IngestLimits { MaxFileBytes = 64 * 1024 + 10 });

        var items = Parse(_parser, string.Concat(Enumerable.Repeat(line, 2_000)), context);

        Assert.EndsWith("reading stopped", items[^1].Problem);
        Assert.InRange(items.Papers().Count, 1, 64 * 1024 / line.Length);
    }

    [Fact]
    public void Parse_ManyLines_ReportsTheRate()
    {
        var template = Fixture("arxiv-snapshot.jsonl").Split('\n')[0];
        var builder = new StringBuilder();
        const int Lines = 50_000;
        for (var i = 0; i < Lines; i++) builder.Append(template.Replace("0704.0001", $"0704.{i:D4}", StringComparison.Ordinal)).Append('\n');
        var text = builder.ToString();

        var watch = Stopwatch.StartNew();
        var accepted = _parser.Parse(new StringReader(text), Context()).Count(i => i.Paper is not null);
        watch.Stop();

        Assert.Equal(Lines, accepted);
        output.WriteLine($"{Lines:N0} snapshot lines ({text.Length / 1024 / 1024} M characters) parsed in {watch.ElapsedMilliseconds} ms: {Lines / watch.Elapsed.TotalSeconds:N0} lines/s");
    }

    private static Digest.Core.Papers.Paper Validated(Digest.Core.Papers.Paper paper)
    {
        var (valid, problem) = PaperValidator.Validate(paper, new IngestLimits());
        Assert.Null(problem);
        return valid!;
    }
}

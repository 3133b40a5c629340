using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class ArxivSnapshotDetectionTests
{
    [Fact]
    public void Detect_SnapshotFixture_IsArxivSnapshot()
    {
        Assert.Equal(SourceFormat.ArxivSnapshot, SourceFormatDetector.Detect(Fixture("arxiv-snapshot.jsonl")));
    }

    [Fact]
    public void Detect_SnapshotWhoseFirstLineIsLongerThanTheHead_IsArxivSnapshot()
    {
        var line = ArxivSnapshotIngestTests.SnapshotLine("0704.0001", "T").Replace("An abstract", new string('a', 3 * SourceFormatDetector.HeadLength), StringComparison.Ordinal);

        Assert.Equal(SourceFormat.ArxivSnapshot, SourceFormatDetector.Detect(line[..SourceFormatDetector.HeadLength]));
    }

    [Theory]
    [InlineData("""{"id": "0704.0001", "authors": "A. One and B. Two", "title": "T"}""")]
    [InlineData("""{"id": "0704.0001", "title": "T", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]}""")]
    [InlineData("""{"id": "0704.0001", "title": "T", "update_date": "2008-11-13"}""")]
    [InlineData("""{"title": "T", "authors_parsed": [["One", "A.", ""]], "id": "0704.0001"}""")]
    [InlineData("\uFEFF\n\n  {\"id\": \"0704.0001\", \"authors\": \"A\"}\n{\"id\": \"0704.0002\"}")]
    public void Detect_SnapshotKeys_AreArxivSnapshot(string head)
    {
        Assert.Equal(SourceFormat.ArxivSnapshot, SourceFormatDetector.Detect(head));
    }

    [Theory]
    // Digest's own export: "id" and "authors" too, but the authors are an array.
    [InlineData("""{"id": "2403.01234", "arxiv_id": "2403.01234", "title": "T", "authors": ["A. One"], "published": "2024-03-02"}""")]
    // papers-dev.jsonl: no "id".
    [InlineData("""{"arxiv_id": "2210.12590", "title": "T", "authors": ["A"], "source": "x/y"}""")]
    // A snapshot key without an id, or nested in another object, is no snapshot.
    [InlineData("""{"title": "T", "authors": "A. One"}""")]
    [InlineData("""{"id": "0704.0001", "meta": {"versions": [], "authors": "A"}, "title": "T"}""")]
    // Not JSON past the first key.
    [InlineData("""{"id": "0704.0001", nonsense""")]
    public void Detect_OtherJsonLines_StaysJsonLines(string head)
    {
        Assert.Equal(SourceFormat.JsonLines, SourceFormatDetector.Detect(head));
    }

    [Fact]
    public void Detect_DigestExport_IsJsonLines()
    {
        var line = PaperJsonLinesWriter.ToLine(new Paper { Id = "2403.01234", ArxivId = "2403.01234", Title = "T", Authors = ["A. One"], JournalRef = "J. 1", Sources = ["arxiv-snapshot"] });

        Assert.Equal(SourceFormat.JsonLines, SourceFormatDetector.Detect(line));
    }

    [Theory]
    [InlineData("hf-daily.json", SourceFormat.HuggingFaceDaily)]
    [InlineData("oai-arxivraw.xml", SourceFormat.ArxivOai)]
    [InlineData("arxiv-atom.xml", SourceFormat.ArxivAtom)]
    public void Detect_OtherFormats_AreNotTakenForTheSnapshot(string fixture, SourceFormat expected)
    {
        Assert.Equal(expected, SourceFormatDetector.Detect(Fixture(fixture)));
    }

    [Fact]
    public void FormatName_IsArxivSnapshot_OnTheCommandLine()
    {
        Assert.True(SourceFormatNames.TryParse("arxiv-snapshot", out var format));
        Assert.Equal(SourceFormat.ArxivSnapshot, format);
    }
}

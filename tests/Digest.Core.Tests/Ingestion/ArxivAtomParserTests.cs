using Digest.Core.Ingestion.Parsers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class ArxivAtomParserTests
{
    private readonly ArxivAtomParser _parser = new();

    [Fact]
    public void Parse_Feed_YieldsThreeEntriesWithEveryField()
    {
        var items = Parse(_parser, Fixture("arxiv-atom.xml"));

        Assert.Equal([1, 2, 3], items.Select(i => i.Position));
        var papers = items.Papers();
        var first = papers[0];
        Assert.Equal("2403.01234", first.Id);
        Assert.Equal("2403.01234", first.ArxivId);
        Assert.Equal("Sparse Attention\n  for Long Documents", first.Title); // cleaning is the validator's job
        Assert.Contains("millions of tokens", first.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], first.Authors);
        Assert.Equal(new DateOnly(2024, 3, 2), first.Published);
        Assert.Equal(new DateOnly(2024, 3, 9), first.Revised);
        Assert.Equal(["cs.CL", "cs.LG"], first.Categories);
        Assert.Equal("10.1000/sparse.2024.1", first.Doi);
        Assert.Equal(["https://github.com/example/sparse-attn-extra"], first.CodeUrls);
        Assert.Equal(["arxiv-atom"], first.Sources);
        Assert.Equal("https://arxiv.org/pdf/2403.01234", first.PdfUrl);
    }

    [Fact]
    public void Parse_OldStyleId_KeepsArchiveAndTakesDoiFromTheLink()
    {
        var paper = Parse(_parser, Fixture("arxiv-atom.xml")).Papers()[1];

        Assert.Equal("hep-th/9901001", paper.ArxivId);
        Assert.Equal("hep-th/9901001", paper.Id);
        Assert.Equal(["hep-th", "gr-qc"], paper.Categories);
        Assert.Equal("10.1088/1126-6708/1999/01/001", paper.Doi);
        Assert.Equal(["Émile Borel"], paper.Authors);
        Assert.Equal(new DateOnly(1999, 1, 4), paper.Published);
    }

    [Fact]
    public void Parse_EscapedMarkup_IsDecodedToPlainText()
    {
        var paper = Parse(_parser, Fixture("arxiv-atom.xml")).Papers()[2];

        Assert.Equal("A Note on <script> Tags & \"Quotes\"", paper.Title);
        Assert.Null(paper.Doi);
    }

    [Fact]
    public void Parse_AtomErrorFeed_YieldsOneRejection()
    {
        var rejection = Assert.Single(Parse(_parser, Fixture("arxiv-atom-error.xml")));

        Assert.Equal(1, rejection.Position);
        Assert.Equal("arXiv API error: incorrect id format for 1234.12345", rejection.Problem);
    }

    [Fact]
    public void Parse_TruncatedFeed_KeepsCompleteEntriesAndRejectsTheCutOne()
    {
        var text = Fixture("arxiv-atom.xml");
        var cut = text.IndexOf("Strings on Curved", StringComparison.Ordinal);

        var items = Parse(_parser, text[..cut]);

        Assert.Equal("2403.01234", Assert.Single(items.Papers()).ArxivId);
        var rejection = Assert.Single(items.Rejections());
        Assert.Equal(2, rejection.Position);
        Assert.Contains("XML is malformed", rejection.Problem);
    }

    [Fact]
    public void Parse_BadEntries_AreRejectedAndGoodOnesKept()
    {
        const string feed = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>http://example.com/not-arxiv</id><title>Bad id</title></entry>
              <entry><id>http://arxiv.org/abs/2403.00002v1</id><title>Bad date</title><published>last week</published></entry>
              <entry><id>http://arxiv.org/abs/2403.00003v1</id><title>Good</title></entry>
            </feed>
            """;

        var items = Parse(_parser, feed);

        Assert.Equal((1, "entry id 'http://example.com/not-arxiv' is not an arXiv id"), (items[0].Position, items[0].Problem));
        Assert.Equal((2, "<published> is 'last week', not an ISO-8601 date"), (items[1].Position, items[1].Problem));
        Assert.Equal("Good", items[2].Paper?.Title);
    }

    [Fact]
    public void Parse_OtherXml_IsOneRejectionNamingTheRoot()
    {
        var rejection = Assert.Single(Parse(_parser, "<rss version=\"2.0\"><channel/></rss>"));

        Assert.Equal(0, rejection.Position);
        Assert.Equal("not an Atom feed: the root element is <rss> in namespace ''", rejection.Problem);
    }
}

using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class ArxivListingParserTests
{
    private static readonly DateOnly Monday = new(2024, 12, 2);

    private readonly ArxivListingParser _parser = new();

    [Theory]
    [InlineData("arxiv-listing-rss.xml")]
    [InlineData("arxiv-listing-atom.xml")]
    public void Parse_EveryAnnounceType_NewAndCrossOnTheDay_ReplacesRevisedWithoutTheDay(string fixture)
    {
        var items = Parse(_parser, Fixture(fixture));

        Assert.Empty(items.Rejections());
        var papers = items.Papers();
        Assert.Equal(["2412.00001", "2412.00002", "2411.09999", "2410.08888"], papers.Select(p => p.ArxivId));

        var fresh = papers[0];
        Assert.Equal("Gradient Noise Scales for Small Language Models", fresh.Title);
        Assert.Equal([Monday], fresh.DigestDays);
        Assert.Equal(Monday, fresh.Published);
        Assert.Null(fresh.Revised);
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Grace Hopper"], fresh.Authors);
        Assert.Equal(["cs.LG", "cs.CL"], fresh.Categories);
        Assert.Equal(["arxiv-listing"], fresh.Sources);

        var cross = papers[1];
        Assert.Equal([Monday], cross.DigestDays);
        Assert.Null(cross.Published);
        Assert.Null(cross.Revised);
        Assert.Equal(["cs.CV", "cs.LG"], cross.Categories);

        foreach (var replaced in papers[2..])
        {
            Assert.Empty(replaced.DigestDays);
            Assert.Equal(Monday, replaced.Revised);
            Assert.Null(replaced.Published);
        }
        Assert.Equal(["Sofia Kovalevskaya", "Henri Poincare"], papers[2].Authors);
    }

    [Theory]
    [InlineData("arxiv-listing-rss.xml")]
    [InlineData("arxiv-listing-atom.xml")]
    public void Parse_StripsTheArxivIdAndAnnounceTypePrefix_FromTheAbstract(string fixture)
    {
        var papers = Parse(_parser, Fixture(fixture)).Papers();

        Assert.Equal("We measure the gradient noise scale of small language models and release the code at https://github.com/example/noise-scale.", papers[0].Abstract);
        Assert.Equal("Heads with low attention entropy can be pruned without loss.", papers[1].Abstract);
        Assert.All(papers, p => Assert.DoesNotContain("Announce Type", p.Abstract));
    }

    [Fact]
    public void Parse_RssAndAtomOfTheSameDay_YieldTheSamePapers()
    {
        var rss = Parse(_parser, Fixture("arxiv-listing-rss.xml")).Papers();
        var atom = Parse(_parser, Fixture("arxiv-listing-atom.xml")).Papers();

        Assert.Equal(rss.Count, atom.Count);
        for (var i = 0; i < rss.Count; i++) AssertSamePaper(rss[i], atom[i]);
    }

    [Fact]
    public void Parse_WeekendFeedWithoutItems_IsEmpty_WithANote_NotARejection()
    {
        var context = Context();

        var items = Parse(_parser, Fixture("arxiv-listing-rss-weekend.xml"), context);

        Assert.Empty(items);
        Assert.Contains(context.Notes, n => n.Contains("no items", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arxiv-listing-rss.xml", SourceFormat.ArxivListing)]
    [InlineData("arxiv-listing-atom.xml", SourceFormat.ArxivListing)]
    [InlineData("arxiv-listing-rss-weekend.xml", SourceFormat.ArxivListing)]
    [InlineData("arxiv-atom.xml", SourceFormat.ArxivAtom)]
    public void Detect_ListingFeeds_AreTellFromTheApiAtomFeed(string fixture, SourceFormat expected)
    {
        Assert.Equal(expected, SourceFormatDetector.Detect(Fixture(fixture)));
    }

    [Fact]
    public void Parse_UnknownAnnounceType_IsRejectedByName_AndTheOthersAreKept()
    {
        var rss = Fixture("arxiv-listing-rss.xml").Replace("<arxiv:announce_type>cross</arxiv:announce_type>", "<arxiv:announce_type>withdrawn-ish</arxiv:announce_type>", StringComparison.Ordinal);

        var items = Parse(_parser, rss);

        Assert.Equal(3, items.Papers().Count);
        var rejected = Assert.Single(items.Rejections());
        Assert.Equal(2, rejected.Position);
        Assert.Contains("announce type 'withdrawn-ish'", rejected.Problem);
    }

    [Fact]
    public void Parse_AnnounceTypeInAWrongNamespace_FallsBackToTheDescription_AndWithoutEitherIsRejected()
    {
        var wrongNamespace = Fixture("arxiv-listing-rss.xml").Replace("http://arxiv.org/schemas/atom", "http://example.com/not-arxiv", StringComparison.Ordinal);
        Assert.Equal(4, Parse(_parser, wrongNamespace).Papers().Count);

        var noType = wrongNamespace.Replace("Announce Type: new", "Announce:", StringComparison.Ordinal);
        var items = Parse(_parser, noType);

        var rejected = Assert.Single(items.Rejections());
        Assert.Contains("no <arxiv:announce_type>", rejected.Problem);
        Assert.Equal(3, items.Papers().Count);
    }

    [Fact]
    public void Parse_RootInAWrongNamespace_IsOneClearRejection()
    {
        var feed = Fixture("arxiv-listing-atom.xml").Replace("xmlns=\"http://www.w3.org/2005/Atom\"", "xmlns=\"http://example.com/atom\"", StringComparison.Ordinal);

        var item = Assert.Single(Parse(_parser, feed));

        Assert.Equal(0, item.Position);
        Assert.Contains("not an arXiv listing feed", item.Problem);
        Assert.Contains("http://example.com/atom", item.Problem);
    }

    [Fact]
    public void Parse_FeedCutOffMidItem_KeepsTheItemsBefore_AndSaysWhereReadingStopped()
    {
        var rss = Fixture("arxiv-listing-rss.xml");
        var cut = rss[..rss.IndexOf("Sparse Mixtures", StringComparison.Ordinal)];

        var items = Parse(_parser, cut);

        Assert.Equal(2, items.Papers().Count);
        var rejected = Assert.Single(items.Rejections());
        Assert.Contains("reading stopped", rejected.Problem);
    }

    [Fact]
    public void Parse_FeedWithADtd_IsRefused()
    {
        var hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel><item><title>&lol2;</title></item></channel></rss>
            """;

        var item = Assert.Single(Parse(_parser, hostile));

        Assert.Contains("DTD", item.Problem);
    }

    [Fact]
    public void Ingest_HugeItem_IsRejectedByTheAbstractLimit_NotStoredCut()
    {
        var huge = new string('x', 30_000);
        var rss = Fixture("arxiv-listing-rss.xml").Replace("Heads with low attention entropy", huge, StringComparison.Ordinal);
        var limits = new IngestLimits();

        var papers = Parse(_parser, rss, Context(limits: limits)).Papers();
        var (accepted, problem) = PaperValidator.Validate(papers[1], limits);

        Assert.Null(accepted);
        Assert.Contains("abstract is", problem);
        Assert.Contains($"limit is {limits.MaxAbstractLength}", problem);
    }

    [Fact]
    public void Parse_ItemWithoutAnyArxivId_IsRejected()
    {
        var rss = Fixture("arxiv-listing-rss.xml")
            .Replace("<link>https://arxiv.org/abs/2412.00002</link>", "<link>https://example.com/paper</link>", StringComparison.Ordinal)
            .Replace("oai:arXiv.org:2412.00002v1", "urn:x", StringComparison.Ordinal)
            .Replace("arXiv:2412.00002v1 Announce", "Announce", StringComparison.Ordinal);

        var items = Parse(_parser, rss);

        Assert.Contains("no arXiv id", Assert.Single(items.Rejections()).Problem);
    }
}

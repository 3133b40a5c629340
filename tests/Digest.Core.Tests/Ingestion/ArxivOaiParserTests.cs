using Digest.Core.Ingestion.Parsers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class ArxivOaiParserTests
{
    private readonly ArxivOaiParser _parser = new();

    [Fact]
    public void Parse_ArxivRaw_YieldsTwoPapersAndAWithdrawalNoticeForTheDeletedRecord()
    {
        var context = Context();

        var items = Parse(_parser, Fixture("oai-arxivraw.xml"), context);

        Assert.Equal([1, 2, 3], items.Select(i => i.Position));
        Assert.True(items[1].IsWithdrawal);
        Assert.Equal("0704.0002", items[1].Paper!.ArxivId);
        Assert.Equal(new DateOnly(2010, 1, 1), items[1].Paper!.WithdrawnOn);
        var first = items[0].Paper!;
        Assert.Equal("0704.0001", first.ArxivId);
        Assert.Equal(["C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"], first.Authors);
        Assert.Equal(new DateOnly(2007, 4, 2), first.Published);
        Assert.Equal(new DateOnly(2007, 7, 24), first.Revised);
        Assert.Equal(["hep-ph"], first.Categories);
        Assert.Equal("10.1103/PhysRevD.76.013009", first.Doi);
        Assert.Contains("massive photon pairs", first.Abstract);
        Assert.Equal(["arxiv-oai"], first.Sources);
        var second = items[2].Paper!;
        Assert.Equal(["Ada Lovelace (Analytical Engines, London)", "Alan Turing", "Grace Hopper"], second.Authors);
        Assert.Equal(["cs.CL", "cs.LG"], second.Categories);
        Assert.Equal(new DateOnly(2024, 3, 2), second.Published);
        Assert.Equal(second.Published, second.Revised);
        Assert.Equal(["https://github.com/example/sparse-attn"], second.CodeUrls);
        Assert.Contains(context.Notes, n => n.Contains("resumptionToken '6390101|1001'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ArxivFormat_BuildsNamesFromKeynameForenamesAndSuffix()
    {
        var items = Parse(_parser, Fixture("oai-arxiv.xml"));

        var papers = items.Papers();
        Assert.Equal(2, papers.Count);
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan Jr"], papers[0].Authors);
        Assert.Equal(new DateOnly(2007, 4, 2), papers[0].Published);
        Assert.Equal(new DateOnly(2007, 7, 24), papers[0].Revised);
        Assert.Equal("10.1103/PhysRevD.76.013009", papers[0].Doi);
        Assert.Equal("hep-th/9901001", papers[1].ArxivId);
        Assert.Equal(["Émile Borel", "Collaboration"], papers[1].Authors);
        Assert.Equal(["hep-th", "gr-qc"], papers[1].Categories);
        Assert.Equal(new DateOnly(1999, 1, 4), papers[1].Revised);
        Assert.Equal(["https://gitlab.com/borel/strings"], papers[1].CodeUrls);
    }

    [Fact]
    public void Parse_OaiError_YieldsOneRejection()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
              <responseDate>2024-03-12T10:00:00Z</responseDate>
              <request verb="ListRecords">http://export.arxiv.org/oai2</request>
              <error code="badResumptionToken">The value of the resumptionToken argument is invalid or expired.</error>
            </OAI-PMH>
            """;

        var rejection = Assert.Single(Parse(_parser, xml));

        Assert.Equal(0, rejection.Position);
        Assert.Equal("OAI-PMH error badResumptionToken: The value of the resumptionToken argument is invalid or expired.", rejection.Problem);
    }

    [Fact]
    public void Parse_UnsupportedMetadataAndBadDates_AreRejectedPerRecord()
    {
        const string xml = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
              <record><header><identifier>a</identifier></header><metadata><mods xmlns="http://www.loc.gov/mods/v3"/></metadata></record>
              <record><header><identifier>b</identifier></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2403.00002</id><title>T</title><created>2nd March</created></arXiv></metadata></record>
              <record><header><identifier>c</identifier></header><metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>2403.00003</id><title>T</title><version><date>yesterday</date></version></arXivRaw></metadata></record>
              <record><header><identifier>d</identifier></header></record>
              <record><header><identifier>e</identifier></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2403.00005</id><title>Good</title></arXiv></metadata></record>
            </ListRecords></OAI-PMH>
            """;

        var items = Parse(_parser, xml);

        Assert.Equal(5, items.Count);
        Assert.StartsWith("metadata format <mods>", items[0].Problem);
        Assert.Equal("<created> is '2nd March', not a date (YYYY-MM-DD)", items[1].Problem);
        Assert.Equal("version date 'yesterday' is not an RFC 1123 date", items[2].Problem);
        Assert.Equal("record has no <metadata>", items[3].Problem);
        Assert.Equal("Good", items[4].Paper?.Title);
    }

    [Fact]
    public void Parse_TruncatedResponse_KeepsCompleteRecords()
    {
        var text = Fixture("oai-arxiv.xml");
        var cut = text.IndexOf("<title>Strings", StringComparison.Ordinal);

        var items = Parse(_parser, text[..cut]);

        Assert.Single(items.Papers());
        Assert.Equal(2, Assert.Single(items.Rejections()).Position);
    }

    [Fact]
    public void Parse_OaiDc_NamesFirstNameFirst_AbstractFromTheFirstDescription_CodeFromTheSecond()
    {
        var items = Parse(_parser, Fixture("oai-dc.xml"));

        var papers = items.Papers();
        Assert.Equal(2, papers.Count);
        var first = papers[0];
        Assert.Equal("0704.0001", first.ArxivId);
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], first.Authors);
        Assert.Contains("massive photon pairs", first.Abstract);
        Assert.DoesNotContain("Comment:", first.Abstract);
        Assert.Equal(["https://github.com/example/diphoton"], first.CodeUrls);
        Assert.Equal("37 pages, 15 figures; code at https://github.com/example/diphoton", first.Comments);
        Assert.Equal(new DateOnly(2007, 4, 2), first.Published);
        Assert.Equal(new DateOnly(2007, 7, 24), first.Revised);
        Assert.Equal("10.1103/PhysRevD.76.013009", first.Doi);
        // dc:subject names a subject, not an arXiv category: none are guessed.
        Assert.Empty(first.Categories);
        Assert.Equal(["arxiv-oai"], first.Sources);

        var second = papers[1];
        Assert.Equal(["Ada Lovelace", "Alan Turing Jr", "The Analytical Engine Collaboration"], second.Authors);
        Assert.Equal("We attend sparsely to long documents.", second.Abstract);
        Assert.Empty(second.CodeUrls);
        Assert.Equal(second.Published, second.Revised);
        Assert.Null(second.Doi);
    }

    [Fact]
    public void Parse_OaiDcRecordWithoutAnAbsUrl_IsRejectedWithWhatItHas()
    {
        var rejection = Assert.Single(Parse(_parser, Fixture("oai-dc.xml")).Rejections());

        Assert.Equal(3, rejection.Position);
        Assert.Contains("no dc:identifier with an arXiv abs URL", rejection.Problem);
        Assert.Contains("Phys.Rev.D1:1,2024", rejection.Problem);
    }
}

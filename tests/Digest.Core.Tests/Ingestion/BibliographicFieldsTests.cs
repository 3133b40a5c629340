using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

/// <summary>arXiv's journal reference, comments, report number and licence: from every source that has them, through the validator and the merge.</summary>
public class BibliographicFieldsTests
{
    [Fact]
    public void OaiArxivRaw_FillsEveryBibliographicField()
    {
        var paper = Parse(new ArxivOaiParser(), Fixture("oai-arxivraw.xml")).Papers()[0];

        Assert.Equal("Phys.Rev.D76:013009,2007", paper.JournalRef);
        Assert.Equal("37 pages, 15 figures; published version", paper.Comments);
        Assert.Equal("ANL-HEP-PR-07-12", paper.ReportNumber);
        Assert.Equal("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", paper.License);
    }

    [Fact]
    public void OaiArxivFormat_FillsTheFieldsItCarries()
    {
        var papers = Parse(new ArxivOaiParser(), Fixture("oai-arxiv.xml")).Papers();

        Assert.Equal("Phys.Rev.D76:013009,2007", papers[0].JournalRef);
        Assert.Equal("37 pages, 15 figures; published version", papers[0].Comments);
        Assert.Null(papers[0].ReportNumber);
        Assert.Equal("Code at https://gitlab.com/borel/strings", papers[1].Comments);
    }

    [Fact]
    public void ArxivAtom_FillsCommentAndJournalRef()
    {
        const string Feed = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
              <entry>
                <id>http://arxiv.org/abs/2403.01234v2</id>
                <title>Sparse Attention</title>
                <summary>Sparse.</summary>
                <arxiv:comment>12 pages</arxiv:comment>
                <arxiv:journal_ref>J. Sparse 1 (2024) 2</arxiv:journal_ref>
              </entry>
            </feed>
            """;

        var paper = Assert.Single(Parse(new ArxivAtomParser(), Feed).Papers());

        Assert.Equal("12 pages", paper.Comments);
        Assert.Equal("J. Sparse 1 (2024) 2", paper.JournalRef);
        Assert.Null(paper.License);
        Assert.Equal("12 pages; code at https://github.com/example/sparse-attn-extra", Parse(new ArxivAtomParser(), Fixture("arxiv-atom.xml")).Papers()[0].Comments);
    }

    [Fact]
    public void Validator_CleansShortensAndDropsBibliographicFields()
    {
        var limits = new IngestLimits { MaxFieldLength = 20, MaxCommentsLength = 30 };
        var paper = new Paper
        {
            Id = "x",
            Title = "A title",
            JournalRef = "  Phys. Rev.\n D 76  ",
            ReportNumber = new string('R', 21),
            Comments = "Forty characters of comment, and then more words",
            License = "javascript:alert(1)",
        };

        var (valid, problem) = PaperValidator.Validate(paper, limits);

        Assert.Null(problem);
        Assert.Equal("Phys. Rev. D 76", valid!.JournalRef);
        // A cut identifier would be a wrong one: dropped. A comment is prose: shortened.
        Assert.Null(valid.ReportNumber);
        Assert.Equal("Forty characters of comment, a…", valid.Comments);
        // Only http(s) licences are kept: anything else could run in a reader's browser as a link.
        Assert.Null(valid.License);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", PaperValidator.Validate(paper with { License = "https://creativecommons.org/licenses/by/4.0/" }, new IngestLimits()).Paper!.License);
    }

    [Fact]
    public void Merge_LatestStatedValueWins_AndSilenceKeepsTheKnownOne()
    {
        var known = new Paper { Id = "2401.00001", ArxivId = "2401.00001", Title = "T", JournalRef = "Old J. 1", Comments = "v1 comment", ReportNumber = "R-1", License = "http://arxiv.org/licenses/nonexclusive-distrib/1.0/" };
        var restated = new Paper { Id = "2401.00001", ArxivId = "2401.00001", Title = "T", JournalRef = "New J. 2", Comments = "v2 comment" };

        var (merged, changed) = PaperMerger.Merge(known, restated);

        Assert.True(changed);
        Assert.Equal("New J. 2", merged.JournalRef);
        Assert.Equal("v2 comment", merged.Comments);
        Assert.Equal("R-1", merged.ReportNumber);
        Assert.Equal("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", merged.License);
        var (_, silentChanged) = PaperMerger.Merge(merged, new Paper { Id = "2401.00001", ArxivId = "2401.00001", Title = "T" });
        Assert.False(silentChanged);
    }

    [Theory]
    [InlineData("http://creativecommons.org/licenses/by/4.0/", "CC BY 4.0")]
    [InlineData("https://creativecommons.org/licenses/by-nc-sa/4.0", "CC BY-NC-SA 4.0")]
    [InlineData("http://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND 4.0")]
    [InlineData("http://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0")]
    [InlineData("http://creativecommons.org/licenses/by/3.0/", "CC BY 3.0")]
    [InlineData("http://www.creativecommons.org/licenses/BY/4.0/", "CC BY 4.0")]
    [InlineData("http://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0")]
    [InlineData("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", "arXiv non-exclusive licence")]
    [InlineData("http://arxiv.org/licenses/assumed-1991-2003/", "arXiv licence (assumed, 1991–2003)")]
    [InlineData("http://creativecommons.org/licenses/by-xx/4.0/", null)]
    [InlineData("http://creativecommons.org/licenses/by/4.0/<script>/", null)]
    [InlineData("http://example.org/licenses/by/4.0/", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("not a url", null)]
    public void LicenseShortName_NamesTheCommonLicences(string url, string? expected)
    {
        Assert.Equal(expected, PaperLicenses.ShortName(url));
        Assert.Equal(expected ?? url, PaperLicenses.Label(url));
    }

    [Theory]
    [InlineData("10.1103/PhysRevD.76.013009", "https://doi.org/10.1103/PhysRevD.76.013009")]
    [InlineData("10.1000/a b?c#d\"<e>", "https://doi.org/10.1000/a%20b%3Fc%23d%22%3Ce%3E")]
    public void DoiResolver_KeepsSlashes_AndEncodesTheRest(string doi, string expected)
    {
        Assert.Equal(expected, DoiLinks.Resolver(doi));
    }
}

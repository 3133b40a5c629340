using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class DigestTextParserTests
{
    private readonly DigestTextParser _parser = new();

    private static string SampleText => File.ReadAllText(SharedDataFile("sample-digest.txt"));

    [Fact]
    public void Parse_SampleDigest_Yields67PapersWithExactTitles()
    {
        var items = Parse(_parser, SampleText, Context(year: 2024));

        Assert.Empty(items.Rejections());
        var papers = items.Papers();
        Assert.Equal(67, papers.Count);
        Assert.Equal("Fire Together Wire Together: A Dynamic Pruning Approach with Self-Supervised Mask Prediction", papers[0].Title);
        Assert.Equal("Dynamic Sparse Learning: A Novel Paradigm for Efficient Recommendation", papers[1].Title);
        Assert.Equal("SortedNet, a Place for Every Network and Every Network in its Place: Towards a Generalized Solution for Training Many-in-One Neural Networks", papers[9].Title);
        Assert.Equal("Monash University, UEA, UCR Time Series Extrinsic Regression Archive", papers[32].Title);
        Assert.Equal("Statistical mechanics of continual learning: variational principle and mean-field potential", papers[33].Title);
        Assert.Equal("NUPES : Non-Uniform Post-Training Quantization via Power Exponent Search", papers[65].Title);
        Assert.Equal("MixtureGrowth: Growing Neural Networks by Recombining Learned Parameters", papers[66].Title);
        Assert.All(papers, p => Assert.True(p.Abstract.Length > 300, p.Title));
        Assert.StartsWith("Dynamic model pruning is a recent direction", papers[0].Abstract);
    }

    [Fact]
    public void Parse_SampleDigest_GivesEveryPaperTheDigestDayAndNoPublishedDate()
    {
        var papers = Parse(_parser, SampleText, Context(year: 2024)).Papers();

        Assert.All(papers, p =>
        {
            Assert.Equal([new DateOnly(2024, 3, 11)], p.DigestDays);
            Assert.Null(p.Published);
            Assert.Equal(["digest-text"], p.Sources);
            Assert.Null(p.ArxivId);
            Assert.StartsWith("t-", p.Id);
        });
    }

    [Fact]
    public void Parse_SampleDigest_PositionsAreTitleLineNumbers()
    {
        var items = Parse(_parser, SampleText, Context(year: 2024));

        Assert.Equal(11, items[0].Position);
        Assert.Equal(15, items[1].Position);
    }

    [Fact]
    public void Validate_SampleDigest_FindsCodeLinksInAbstracts()
    {
        var papers = Parse(_parser, SampleText, Context(year: 2024)).Papers()
            .Select(p => PaperValidator.Validate(p, new IngestLimits()))
            .ToList();

        Assert.All(papers, v => Assert.Null(v.Problem));
        var codeUrls = papers.SelectMany(v => v.Paper!.CodeUrls).ToList();
        Assert.Contains("https://github.com/zyxxmu/DSnoT", codeUrls);
        Assert.Contains("https://github.com/QingruZhang/AdaLoRA", codeUrls);
        Assert.Contains("https://github.com/IBM/EvolveGCN", codeUrls);
    }

    [Fact]
    public void Parse_DateOption_WinsOverTheDateLine()
    {
        var papers = Parse(_parser, SampleText, Context(date: new DateOnly(2023, 12, 1), year: 2020)).Papers();

        Assert.All(papers, p => Assert.Equal([new DateOnly(2023, 12, 1)], p.DigestDays));
    }

    [Fact]
    public void Parse_NoYearGiven_InfersTheMostRecentYearNotAfterToday()
    {
        var context = Context(); // today is 2024-03-20
        var papers = Parse(_parser, Page("Mar 25", "Mar 11"), context).Papers();

        Assert.Equal([new DateOnly(2023, 3, 25)], papers[0].DigestDays);
        Assert.Equal([new DateOnly(2024, 3, 11)], papers[1].DigestDays);
        Assert.Contains("line 1: year inferred as 2023 (no --year or --date given)", context.Notes);
        Assert.Contains("line 7: year inferred as 2024 (no --year or --date given)", context.Notes);
    }

    [Fact]
    public void Parse_Feb29WithoutYear_InfersTheLatestLeapYear()
    {
        var context = new ParseContext { SourceName = "test", Today = new DateOnly(2027, 2, 28) };

        var paper = Assert.Single(Parse(_parser, "Feb 29\n\nLeap Paper\n\n" + LongAbstract + "\n", context).Papers());

        Assert.Equal([new DateOnly(2024, 2, 29)], paper.DigestDays);
    }

    [Fact]
    public void Parse_SeveralDateLines_EachAppliesToThePapersAfterIt()
    {
        var papers = Parse(_parser, Page("Mar 12", "March 11, 2023"), Context(year: 2024)).Papers();

        Assert.Equal(2, papers.Count);
        Assert.Equal([new DateOnly(2024, 3, 12)], papers[0].DigestDays);
        Assert.Equal([new DateOnly(2023, 3, 11)], papers[1].DigestDays);
    }

    [Fact]
    public void Parse_TitleWithoutAbstract_IsAcceptedAndNoted()
    {
        var text = "Mar 11\n\nA Lonely Title\n\nSecond Paper Title\n\n" + LongAbstract + "\n";
        var context = Context(year: 2024);

        var items = Parse(_parser, text, context);

        Assert.Equal(["A Lonely Title", "Second Paper Title"], items.Papers().Select(p => p.Title));
        Assert.Equal("", items.Papers()[0].Abstract);
        Assert.Equal(LongAbstract, items.Papers()[1].Abstract);
        Assert.Contains("line 3: 'A Lonely Title' has no abstract", context.Notes);
    }

    [Fact]
    public void Parse_ShortProseAbstract_IsTakenAsTheAbstract()
    {
        var text = "Mar 11\n\nTiny Paper\n\nWe prove a small lemma.\n\nNext Paper\n\n" + LongAbstract + "\n";

        var papers = Parse(_parser, text, Context(year: 2024)).Papers();

        Assert.Equal(2, papers.Count);
        Assert.Equal("We prove a small lemma.", papers[0].Abstract);
    }

    [Fact]
    public void Parse_CrlfBomTabsAndTrailingWhitespace_AreTolerated()
    {
        var text = "\uFEFFnew\r\n\r\n\r\nSubscribe  \r\n\t\r\nMar 11 \r\n\r\n\tÜber Transformers: ünïcödé 論文 \t\r\n\r\n" + LongAbstract + "  \r\n\r\n\r\n";

        var items = Parse(_parser, text, Context(year: 2024));

        var paper = Assert.Single(items.Papers());
        Assert.Equal("Über Transformers: ünïcödé 論文", paper.Title);
        Assert.Equal(LongAbstract, paper.Abstract);
        Assert.Equal(8, items[0].Position);
    }

    [Fact]
    public void Parse_WrappedAbstract_IsJoinedIntoOneParagraph()
    {
        var text = "Mar 11\n\nWrapped Paper\n\nThe first line of an abstract\nwrapped onto a second line.\n";

        var paper = Assert.Single(Parse(_parser, text, Context(year: 2024)).Papers());

        Assert.Equal("The first line of an abstract wrapped onto a second line.", paper.Abstract);
    }

    [Fact]
    public void Parse_AbstractWithoutTitle_IsRejectedAndTheRestAccepted()
    {
        var text = "Mar 11\n\n" + LongAbstract + "\n\nGood Title\n\n" + LongAbstract + "\n";

        var items = Parse(_parser, text, Context(year: 2024));

        var rejection = Assert.Single(items.Rejections());
        Assert.Equal(3, rejection.Position);
        Assert.Contains("no title line before it", rejection.Problem);
        Assert.Equal("Good Title", Assert.Single(items.Papers()).Title);
    }

    [Fact]
    public void Parse_InvalidDateLine_IsRejectedWithTheLine()
    {
        var items = Parse(_parser, "Feb 30\n\nA Title\n\n" + LongAbstract + "\n", Context(year: 2024));

        var rejection = Assert.Single(items.Rejections());
        Assert.Equal(1, rejection.Position);
        Assert.Equal("'Feb 30' is not a valid date in 2024", rejection.Problem);
        Assert.Empty(Assert.Single(items.Papers()).DigestDays);
    }

    [Fact]
    public void Parse_OnlyHeaders_YieldsNothingAndANote()
    {
        var context = Context(year: 2024);

        var items = Parse(_parser, "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 11\n", context);

        Assert.Empty(items);
        Assert.Contains(context.Notes, n => n.StartsWith("no papers found", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TruncatedPage_KeepsTheCompletePapersAndTheCutTitle()
    {
        var text = SampleText;
        var cut = text.IndexOf("MixtureGrowth", StringComparison.Ordinal) + "MixtureGrowth: Growing".Length;
        var context = Context(year: 2024);

        var papers = Parse(_parser, text[..cut], context).Papers();

        Assert.Equal(67, papers.Count);
        Assert.Equal("MixtureGrowth: Growing", papers[^1].Title);
        Assert.Contains(context.Notes, n => n.EndsWith("'MixtureGrowth: Growing' has no abstract", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FileOverTheSizeLimit_IsOneRejection()
    {
        var limits = new IngestLimits { MaxFileBytes = 1000 };

        var items = Parse(_parser, SampleText, Context(year: 2024, limits: limits));

        var rejection = Assert.Single(items);
        Assert.Equal(0, rejection.Position);
        Assert.Contains("limit of 1000", rejection.Problem);
    }

    [Fact]
    public void Parse_EmbeddedSample_MatchesTheSharedFile()
    {
        using var reader = new StreamReader(SampleDigest.Open());

        var papers = _parser.Parse(reader, Context(year: 2024)).Papers();

        Assert.Equal(67, papers.Count);
        Assert.Equal("sample-digest.txt", SampleDigest.FileName);
    }

    internal static string LongAbstract { get; } =
        "We introduce a method that does something useful. " + string.Concat(Enumerable.Repeat("It improves results on several benchmarks by a wide margin. ", 6)).TrimEnd();

    private static string Page(string firstDate, string secondDate) =>
        $"{firstDate}\n\nFirst Paper\n\n{LongAbstract}\n\n{secondDate}\n\nSecond Paper\n\n{LongAbstract}\n";
}

using Digest.Core.Ingestion.Parsers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class HuggingFaceDailyParserTests
{
    private readonly HuggingFaceDailyParser _parser = new();

    [Fact]
    public void Parse_DailyFixture_YieldsThreePapersWithEveryField()
    {
        var items = Parse(_parser, Fixture("hf-daily.json"));

        Assert.Equal([1, 2, 3], items.Select(i => i.Position));
        var papers = items.Papers();
        Assert.Equal(3, papers.Count);
        var gemini = papers[0];
        Assert.Equal("2403.05530", gemini.Id);
        Assert.Equal("2403.05530", gemini.ArxivId);
        Assert.Equal("Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context", gemini.Title);
        Assert.StartsWith("In this report, we present", gemini.Abstract);
        Assert.Equal(["Gemini Team", "Petko Georgiev"], gemini.Authors);
        Assert.Equal(new DateOnly(2024, 3, 8), gemini.Published);
        Assert.Equal([new DateOnly(2024, 3, 11)], gemini.DigestDays);
        Assert.Equal(59, gemini.Upvotes);
        Assert.Equal(["mixture-of-experts", "long context", "multimodal"], gemini.Keywords);
        Assert.Equal("https://deepmind.google/technologies/gemini/", gemini.ProjectUrl);
        Assert.Empty(gemini.CodeUrls);
        Assert.Equal(["hf-daily"], gemini.Sources);

        Assert.Equal("Déjà vu: RNNs are not Transformers (yet)", papers[1].Title);
        Assert.Equal(["https://github.com/dangxingyu/rnn-icrag"], papers[1].CodeUrls);
        Assert.Equal(0, papers[2].Upvotes);
        Assert.Equal([new DateOnly(2024, 3, 6)], papers[2].DigestDays);
    }

    [Fact]
    public void Parse_WrongTypes_RejectsThatItemNamingTheFieldAndKeepsTheOthers()
    {
        const string json = """
            [
              { "paper": { "id": "2403.00001", "title": 42 } },
              { "paper": { "id": "2403.00002", "title": "Fine", "authors": "A. One" } },
              { "paper": { "id": "2403.00003", "title": "Also fine", "authors": [{ "name": "A. One" }] } },
              { "paper": { "id": "2403.00004", "title": "Bad votes", "upvotes": "many" } },
              { "paper": { "id": "not-an-id", "title": "Bad id" } },
              { "paper": { "id": "2403.00006", "title": "Bad day" }, "submittedOnDailyAt": "yesterday" },
              { "paper": "flat" },
              7
            ]
            """;

        var items = Parse(_parser, json);

        Assert.Equal(8, items.Count);
        Assert.Equal((1, "'paper.title' must be a string, not a number"), (items[0].Position, items[0].Problem));
        Assert.Equal((2, "'paper.authors' must be an array, not a string"), (items[1].Position, items[1].Problem));
        Assert.Equal("Also fine", items[2].Paper?.Title);
        Assert.Equal((4, "'paper.upvotes' must be a number, not a string"), (items[3].Position, items[3].Problem));
        Assert.Equal((5, "'paper.id' is 'not-an-id', not an arXiv id"), (items[4].Position, items[4].Problem));
        Assert.Equal((6, "'submittedOnDailyAt' is 'yesterday', not a date (YYYY-MM-DD)"), (items[5].Position, items[5].Problem));
        Assert.Equal((7, "'paper' must be an object, not a string"), (items[6].Position, items[6].Problem));
        Assert.Equal((8, "item must be an object, not a number"), (items[7].Position, items[7].Problem));
    }

    [Fact]
    public void Parse_TruncatedFile_KeepsTheItemsBeforeTheCut()
    {
        var text = Fixture("hf-daily.json");
        var cut = text.IndexOf("Scaling Rectified", StringComparison.Ordinal);

        var items = Parse(_parser, text[..cut]);

        Assert.Equal(2, items.Papers().Count);
        var rejection = Assert.Single(items.Rejections());
        Assert.Equal(3, rejection.Position);
        Assert.Contains("invalid JSON", rejection.Problem);
        Assert.Contains("Reading stopped", rejection.Problem);
    }

    [Fact]
    public void Parse_DeeplyNestedJson_IsRejectedWithoutRecursingWithoutBound()
    {
        var json = "[{\"paper\": " + new string('[', 100_000) + new string(']', 100_000) + "}]";

        var rejection = Assert.Single(Parse(_parser, json));

        Assert.Equal(1, rejection.Position);
        Assert.Contains("depth", rejection.Problem);
    }

    [Fact]
    public void Parse_ObjectInsteadOfArray_IsOneRejectionAtPositionZero()
    {
        var rejection = Assert.Single(Parse(_parser, "{\"paper\": {}}"));

        Assert.Equal(0, rejection.Position);
        Assert.Equal("not Hugging Face daily JSON: expected an array of items, found an object", rejection.Problem);
    }

    [Fact]
    public void Parse_DailyTimestampOnlyOnThePaper_IsTheDigestDay()
    {
        const string json = """[{ "paper": { "id": "2403.00001", "title": "T", "submittedOnDailyAt": "2024-03-11T23:59:59.000Z" } }]""";

        var paper = Assert.Single(Parse(_parser, json)).Paper!;

        Assert.Equal([new DateOnly(2024, 3, 11)], paper.DigestDays);
    }
}

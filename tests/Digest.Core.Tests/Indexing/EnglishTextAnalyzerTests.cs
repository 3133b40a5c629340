using Digest.Core.Indexing;
using Lucene.Net.Analysis.TokenAttributes;

namespace Digest.Core.Tests.Indexing;

public class EnglishTextAnalyzerTests
{
    private static List<string> Tokens(string text)
    {
        using var analyzer = new EnglishTextAnalyzer();
        using var stream = analyzer.GetTokenStream(PaperFields.Abstract, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    [Fact]
    public void Hyphenated_compound_is_indexed_as_parts_and_joined()
    {
        var tokens = Tokens("Parameter-efficient fine-tuning (PEFT) of LLMs.");
        Assert.Contains("fine", tokens);
        Assert.Contains("tune", tokens);
        Assert.Contains(Tokens("finetuning").Single(), tokens);
        Assert.Contains("llm", tokens);
        Assert.Contains("peft", tokens);
    }

    [Fact]
    public void Stemming_maps_inflections_to_one_term()
    {
        Assert.Equal(Tokens("forecast"), Tokens("forecasting"));
        Assert.Equal(Tokens("LLM"), Tokens("LLMs"));
    }

    [Fact]
    public void Hyphenated_compound_parts_keep_phrase_positions_and_offsets()
    {
        using var analyzer = new EnglishTextAnalyzer();
        using var stream = analyzer.GetTokenStream(PaperFields.Abstract, "we fine-tune");
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int, int)>();
        while (stream.IncrementToken()) tokens.Add((term.ToString(), position.PositionIncrement, offset.StartOffset, offset.EndOffset));
        stream.End();
        Assert.Equal([("we", 1, 0, 2), ("fine", 1, 3, 7), ("finetun", 0, 3, 12), ("tune", 1, 8, 12)], tokens);
    }

    [Theory]
    [InlineData("--", new string[0])]
    [InlineData("-x-", new[] { "x" })]
    [InlineData("GPT-4o", new[] { "gpt", "gpt4o", "4o" })]
    [InlineData("Müller's café", new[] { "muller", "cafe" })]
    public void Odd_tokens_are_handled(string text, string[] expected) => Assert.Equal(expected, Tokens(text));
}

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
}

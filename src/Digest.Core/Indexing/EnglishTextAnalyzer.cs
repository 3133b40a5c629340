using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;

namespace Digest.Core.Indexing;

/// <summary>
/// English analysis for titles and abstracts. Words are runs of letters and digits; a hyphenated compound is indexed
/// as its parts and joined, so "fine-tuning" is indexed as "fine", "finetun" and "tune": a search for "finetuning",
/// "fine-tuning" or the phrase "fine tuning" finds it. Then lower case, accents folded, English stop words, and
/// Porter stemming ("LLMs" → "llm", "forecasting" → "forecast").
/// </summary>
/// <param name="valueGap">Positions between the values of a multi-valued field, so phrases do not span them.</param>
public sealed class EnglishTextAnalyzer(int valueGap = 0) : Analyzer
{
    // Apostrophes split words, so the possessive "s" and contractions' "t" would otherwise be indexed as words.
    private static readonly CharArraySet StopWords = new(PaperAnalyzer.Version, StopAnalyzer.ENGLISH_STOP_WORDS_SET.Concat(["s", "t"]).ToList(), ignoreCase: false);

    public override int GetPositionIncrementGap(string fieldName) => valueGap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new HyphenatedWordTokenizer(PaperAnalyzer.Version, reader);
        TokenStream stream = new HyphenatedWordFilter(source);
        stream = new LowerCaseFilter(PaperAnalyzer.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(PaperAnalyzer.Version, stream, StopWords);
        stream = new CachedPorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;

namespace Digest.Core.Indexing;

/// <summary>
/// English analysis for titles and abstracts. Words are split on punctuation and hyphens, and a hyphenated
/// compound is also indexed joined, so "fine-tuning" is indexed as "fine", "tune" and "finetun": a search
/// for "finetuning", "fine-tuning" or the phrase "fine tuning" finds it. Then lower case, English stop words,
/// possessives and Porter stemming ("LLMs" → "llm", "forecasting" → "forecast").
/// </summary>
public sealed class EnglishTextAnalyzer : Analyzer
{
    private const WordDelimiterFlags Flags =
        WordDelimiterFlags.GENERATE_WORD_PARTS
        | WordDelimiterFlags.GENERATE_NUMBER_PARTS
        | WordDelimiterFlags.CATENATE_WORDS
        | WordDelimiterFlags.STEM_ENGLISH_POSSESSIVE;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WhitespaceTokenizer(PaperAnalyzer.Version, reader);
        TokenStream stream = new WordDelimiterFilter(PaperAnalyzer.Version, source, Flags, protWords: null);
        stream = new LowerCaseFilter(PaperAnalyzer.Version, stream);
        stream = new StopFilter(PaperAnalyzer.Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace Digest.Core.Indexing;

/// <summary>
/// The analysis of every field, defined once and used for indexing, querying, topic assignment and highlighting.
/// Text fields get <see cref="EnglishTextAnalyzer"/>, author names a light name analysis, everything else is exact.
/// </summary>
public static class PaperAnalyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The per-field analyzer for documents and queries. Thread-safe; create once.</summary>
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        new Dictionary<string, Analyzer>
        {
            [PaperFields.Title] = new EnglishTextAnalyzer(),
            [PaperFields.Abstract] = new EnglishTextAnalyzer(),
            [PaperFields.Keyword] = new EnglishTextAnalyzer(),
            [PaperFields.Text] = new EnglishTextAnalyzer(PaperFields.TextValueGap),
            [PaperFields.Author] = new AuthorNameAnalyzer(),
        });
}

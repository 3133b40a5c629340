using Digest.Core.Indexing;
using Digest.Core.Search.Snippets;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace Digest.Core.Search.Queries;

/// <summary>
/// How many papers have a word's term in their title or abstract, memoised for one index reader (each
/// <see cref="Snapshots.SearchSnapshot"/> holds one). Query parsing asks this for every split of a long word and for
/// joined word pairs ("fine tuning" → "finetuning"): each answer seeks the term in every segment of both fields,
/// which was most of the time spent parsing an everyday query, and the answers only change when the reader does.
/// Thread-safe; bounded (past the bound, words are looked up each time).
/// </summary>
internal sealed class WordFrequencies
{
    private const int Capacity = 100_000;

    private readonly BoundedWordMemo<int> _memo = new(Capacity);
    private readonly WordTermsMemo _titleTerms;
    // The reader the memo holds answers for: the first one asked about (a snapshot only ever asks about its own).
    private IndexReader? _reader;

    /// <param name="analyzer">The index's analyzer: a word is analysed as the title field would be.</param>
    public WordFrequencies(Analyzer analyzer) =>
        // Title and abstract share one analysis (see WordTermsMemo).
        _titleTerms = WordTermsMemo.For(analyzer, PaperFields.Title);

    /// <summary>Title plus abstract document frequency of the one term <paramref name="word"/> analyses to; 0 when it is not one term.</summary>
    public int Of(IndexReader reader, string word)
    {
        var memoised = Interlocked.CompareExchange(ref _reader, reader, null) ?? reader;
        if (!ReferenceEquals(memoised, reader)) return Count(reader, word);
        if (_memo.TryGet(word, out var known)) return known;
        var frequency = Count(reader, word);
        _memo.Keep(word, frequency);
        return frequency;
    }

    private int Count(IndexReader reader, string word)
    {
        if (_titleTerms.TermsOf(word) is not [var term]) return 0;
        return reader.DocFreq(new Term(PaperFields.Title, term.Text)) + reader.DocFreq(new Term(PaperFields.Abstract, term.Text));
    }
}

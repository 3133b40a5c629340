using System.Runtime.CompilerServices;
using Digest.Core.Indexing;
using Digest.Core.Search.Snippets;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace Digest.Core.Search.Queries;

/// <summary>
/// How many papers have a word's term in their title or abstract, memoised per index reader. Query parsing asks this
/// for every split of a long word and for joined word pairs ("fine tuning" → "finetuning"): each answer seeks the
/// term in every segment of both fields, which was most of the time spent parsing an everyday query, and the answers
/// only change when the reader does. Thread-safe; bounded per reader (past the bound, words are looked up each time).
/// </summary>
internal sealed class WordFrequencies
{
    private const int Capacity = 100_000;

    private readonly ConditionalWeakTable<IndexReader, BoundedWordMemo<int>> _readers = new();
    private readonly Analyzer _analyzer;

    public WordFrequencies(Analyzer analyzer) => _analyzer = analyzer;

    /// <summary>Title plus abstract document frequency of the one term <paramref name="word"/> analyses to; 0 when it is not one term.</summary>
    public int Of(IndexReader reader, string word)
    {
        var memo = _readers.GetValue(reader, static _ => new BoundedWordMemo<int>(Capacity));
        if (memo.TryGet(word, out var known)) return known;
        var frequency = Count(reader, word);
        memo.Keep(word, frequency);
        return frequency;
    }

    private int Count(IndexReader reader, string word)
    {
        // Title and abstract share one analysis (see WordTermsMemo).
        if (WordTermsMemo.For(_analyzer, PaperFields.Title).TermsOf(word) is not [var term]) return 0;
        return reader.DocFreq(new Term(PaperFields.Title, term.Text)) + reader.DocFreq(new Term(PaperFields.Abstract, term.Text));
    }
}

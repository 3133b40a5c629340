using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Digest.Core.Search.Snippets;

/// <summary>
/// The analysed terms of single words for one field, computed by the field's real analyzer once per distinct word
/// and kept for every later request. Words in abstracts follow Zipf's law, so after a few pages nearly every word of
/// a snippet is a lookup; and since every analysis step works on one token at a time, a word analysed alone gives
/// the same terms as in its text. Thread-safe. Bounded: once full it stops adding and analyses new words each time.
/// </summary>
internal sealed class WordTermsMemo
{
    /// <summary>Distinct words kept per field: well over the common words of abstracts; about 30 MB when full (a 100,000-paper corpus has well over 50,000 distinct words, and once full every other word is analysed on each page).</summary>
    public const int DefaultCapacity = 150_000;

    private static readonly ConditionalWeakTable<Analyzer, ConcurrentDictionary<string, WordTermsMemo>> Shared = new();

    private readonly Analyzer _analyzer;
    private readonly string _field;
    private readonly BoundedWordMemo<WordTerm[]> _terms;

    public WordTermsMemo(Analyzer analyzer, string field, int capacity = DefaultCapacity)
    {
        _analyzer = analyzer;
        _field = field;
        _terms = new BoundedWordMemo<WordTerm[]>(capacity);
    }

    /// <summary>Words kept so far.</summary>
    public int Count => _terms.Count;

    /// <summary>The memo of <paramref name="field"/> under <paramref name="analyzer"/>, shared by all requests; it goes with the analyzer.</summary>
    public static WordTermsMemo For(Analyzer analyzer, string field) =>
        Shared.GetValue(analyzer, _ => new()).GetOrAdd(field, static (f, a) => new WordTermsMemo(a, f), analyzer);

    /// <summary>The terms of <paramref name="word"/> (one token of the field's tokenizer), ordered by start, longest first; empty for a stop word.</summary>
    public WordTerm[] TermsOf(ReadOnlySpan<char> word)
    {
        if (_terms.TryGet(word, out var terms)) return terms;
        var key = word.ToString();
        terms = Analyze(key);
        _terms.Keep(key, terms);
        return terms;
    }

    private WordTerm[] Analyze(string word)
    {
        var terms = new List<WordTerm>(1);
        using (var stream = _analyzer.GetTokenStream(_field, word))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var start = Math.Clamp(offset.StartOffset, 0, word.Length);
                var end = Math.Clamp(offset.EndOffset, start, word.Length);
                if (end > start) terms.Add(new WordTerm(term.ToString(), start, end));
            }
            stream.End();
        }
        if (terms.Count == 0) return [];
        // Text order, a compound's joined form before its first part: marks can then be merged in one pass.
        terms.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return [.. terms];
    }
}

using Digest.Core.Indexing;

namespace Digest.Core.Search.Snippets;

/// <summary>
/// Finds one field's query terms in stored text without a token stream per text: the text is split into the
/// tokenizer's words (<see cref="HyphenatedWordTokenizer.IsWordCodePoint"/>), each word's terms come from the shared
/// <see cref="WordTermsMemo"/>, and a word holds a hit for each of its terms the query has. Stemming, folding, stop
/// words and hyphenated compounds ("fine-tuning" holds <c>fine</c>, <c>finetun</c> and <c>tune</c>) are therefore
/// exactly the index's.
/// </summary>
internal sealed class QueryTermFinder
{
    // The tokenizer cuts longer runs into 255-character tokens; such runs (sequences, encoded data) are never marked.
    private const int MaxWordLength = 255;

    private readonly Dictionary<string, int> _termIds;
    private readonly WordTermsMemo _memo;

    // First letters of the query's terms, for the ASCII ones. A plain ASCII word (no hyphen) analyses to at most one
    // term that starts with its own first letter, lower-cased (stemming only changes endings), so a word whose first
    // letter no term has is skipped without looking it up: most words of an abstract, for a short query.
    private readonly bool[] _asciiFirstLetters = new bool[128];

    /// <param name="terms">The query's terms in the field, as the index holds them.</param>
    /// <param name="memo">The field's analysed words.</param>
    public QueryTermFinder(IEnumerable<string> terms, WordTermsMemo memo)
    {
        _termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            _termIds.TryAdd(term, _termIds.Count);
            if (term.Length > 0 && term[0] < 128) _asciiFirstLetters[term[0]] = true;
        }
        _memo = memo;
    }

    /// <summary>Distinct query terms; hits number them from 0.</summary>
    public int TermCount => _termIds.Count;

    /// <summary>
    /// Adds the hits in the first <paramref name="length"/> characters of <paramref name="text"/> to
    /// <paramref name="hits"/>, ordered by start; a word cut at <paramref name="length"/> is left out.
    /// </summary>
    public void Find(string text, int length, List<TermHit> hits)
    {
        var position = 0;
        while (position < length)
        {
            var width = CodePointWidth(text, position, out var isWordChar);
            if (!isWordChar)
            {
                position += width;
                continue;
            }
            var start = position;
            var plainAscii = true;
            do
            {
                plainAscii &= text[position] < 128 && text[position] != '-';
                position += width;
                if (position >= length) break;
                width = CodePointWidth(text, position, out isWordChar);
            }
            while (isWordChar);

            var wordLength = position - start;
            if (wordLength > MaxWordLength || (position >= length && length < text.Length)) continue;
            if (plainAscii && !_asciiFirstLetters[char.ToLowerInvariant(text[start])]) continue;
            AddHits(_memo.TermsOf(text.AsSpan(start, wordLength)), start, hits);
        }
    }

    private void AddHits(WordTerm[] terms, int wordStart, List<TermHit> hits)
    {
        var firstHit = hits.Count;
        var matchedParts = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            if (!_termIds.TryGetValue(terms[i].Text, out var id)) continue;
            hits.Add(new TermHit(wordStart + terms[i].Start, wordStart + terms[i].End, id));
            if (i > 0) matchedParts++;
        }
        // A compound's first term is its joined form, spanning its parts (the memo's order; unless the joined form is
        // a stop word: "th-e"). When every part is a query term the whole compound is marked:
        // "<mark>state-of-the-art</mark>" for the phrase "state of the art", whose stop words have no terms.
        var startsWithJoinedForm = terms.Length > 1 && terms[0].End >= terms[^1].End;
        if (startsWithJoinedForm && matchedParts == terms.Length - 1)
        {
            hits[firstHit] = hits[firstHit] with { Start = wordStart + terms[0].Start, End = wordStart + terms[0].End };
        }
    }

    /// <summary>How many chars the code point at <paramref name="index"/> takes, and whether it belongs to a word.</summary>
    private static int CodePointWidth(string text, int index, out bool isWordChar)
    {
        var c = text[index];
        // A lone surrogate is read as itself, which is no letter: the same as the tokenizer.
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            isWordChar = HyphenatedWordTokenizer.IsWordCodePoint(char.ConvertToUtf32(c, text[index + 1]));
            return 2;
        }
        isWordChar = HyphenatedWordTokenizer.IsWordCodePoint(c);
        return 1;
    }
}

namespace Digest.Core.Search.Snippets;

/// <summary>
/// Chooses which part of a long text a snippet shows: of the windows of about the snippet's size that start at a word
/// (the text's start, a sentence start, or at or shortly before a hit's word), the one with the most distinct query
/// terms, then the most hits, then starting at a sentence, then the earliest. Windows end at a word boundary.
/// </summary>
internal sealed class SnippetWindow
{
    // How far before a hit's word a window may start, so that a snippet shows what leads up to the hit.
    private const int LeadingContext = 40;

    // Every hit is counted, but only the first ones propose windows: bounds the work on text made of query words.
    private const int MaxAnchors = 64;

    private readonly string _text;
    private readonly List<TermHit> _hits;
    private readonly int _size;
    private readonly int _lastStart;

    // Per query term, the last window that counted it: distinct terms without a set per window.
    private readonly int[] _lastCountedIn;
    private int _window;

    private SnippetWindow(string text, List<TermHit> hits, int termCount, int size)
    {
        _text = text;
        _hits = hits;
        _size = size;
        _lastStart = LastStart();
        _lastCountedIn = new int[termCount];
    }

    /// <summary>The window [Start, End) of <paramref name="text"/> to show, given its <paramref name="hits"/> ordered by start.</summary>
    public static (int Start, int End) Choose(string text, List<TermHit> hits, int termCount, int size)
    {
        var best = new SnippetWindow(text, hits, termCount, size).Best();
        return (best.Start, best.End);
    }

    private Candidate Best()
    {
        var best = Evaluate(0);
        var previousWord = -1;
        for (var i = 0; i < _hits.Count && i < MaxAnchors; i++)
        {
            var word = WordStart(_hits[i].Start);
            if (word == previousWord) continue;
            previousWord = word;
            best = Better(best, Evaluate(word));
            best = Better(best, Evaluate(ContextStart(word)));
            if (SentenceStartBefore(word) is { } sentence) best = Better(best, Evaluate(sentence));
        }
        return best;
    }

    private Candidate Evaluate(int start)
    {
        // A window near the end starts earlier instead of coming out short; it then shows the same hits and more.
        start = Math.Min(start, _lastStart);
        var end = End(start);
        var (distinct, count) = (0, 0);
        _window++;
        for (var i = FirstHitAtOrAfter(start); i < _hits.Count && _hits[i].Start < end; i++)
        {
            if (_hits[i].End > end) continue;
            count++;
            if (_lastCountedIn[_hits[i].TermId] == _window) continue;
            _lastCountedIn[_hits[i].TermId] = _window;
            distinct++;
        }
        return new Candidate(start, end, distinct, count, IsSentenceStart(start));
    }

    private static Candidate Better(Candidate a, Candidate b)
    {
        if (a.Distinct != b.Distinct) return a.Distinct > b.Distinct ? a : b;
        if (a.Count != b.Count) return a.Count > b.Count ? a : b;
        if (a.AtSentence != b.AtSentence) return a.AtSentence ? a : b;
        return a.Start <= b.Start ? a : b;
    }

    /// <summary>
    /// Where a window from <paramref name="start"/> ends: at the last space within the size (without a trailing comma
    /// or colon), or at the size when one word fills most of the window.
    /// </summary>
    private int End(int start)
    {
        var limit = start + _size;
        if (limit >= _text.Length) return _text.Length;
        var end = limit;
        while (end > start + _size / 2 && !char.IsWhiteSpace(_text[end])) end--;
        if (!char.IsWhiteSpace(_text[end]))
        {
            // Cut inside a long word, never inside a surrogate pair.
            return char.IsLowSurrogate(_text[limit]) ? limit - 1 : limit;
        }
        while (end > start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] is ',' or ';' or ':')) end--;
        return end;
    }

    /// <summary>
    /// The latest start worth a window: one starting later would end at the text's end and come out short. The first
    /// sentence start in the first half of the last full window, else its first word start.
    /// </summary>
    private int LastStart()
    {
        var earliest = Math.Max(0, _text.Length - _size);
        for (var position = earliest; position < earliest + _size / 2 && position < _text.Length; position++)
        {
            if (IsSentenceStart(position)) return position;
        }
        return NextWordStart(earliest);
    }

    /// <summary>The start of the space-delimited word around <paramref name="position"/> (a hyphenated compound's first part), if near.</summary>
    private int WordStart(int position)
    {
        var start = position;
        while (start > 0 && position - start < LeadingContext && !char.IsWhiteSpace(_text[start - 1])) start--;
        return start == 0 || char.IsWhiteSpace(_text[start - 1]) ? start : position;
    }

    /// <summary>The first word start at most <see cref="LeadingContext"/> characters before <paramref name="word"/>.</summary>
    private int ContextStart(int word) => Math.Min(NextWordStart(Math.Max(0, word - LeadingContext)), word);

    /// <summary>The first position at or after <paramref name="position"/> where a space-delimited word starts (the text's length if none).</summary>
    private int NextWordStart(int position)
    {
        while (position < _text.Length && !IsWordStart(position)) position++;
        return position;
    }

    private int? SentenceStartBefore(int word)
    {
        for (var position = word; position > 0 && word - position < _size; position--)
        {
            if (IsSentenceStart(position)) return position;
        }
        return null;
    }

    private bool IsWordStart(int position) =>
        position < _text.Length && !char.IsWhiteSpace(_text[position]) && (position == 0 || char.IsWhiteSpace(_text[position - 1]));

    /// <summary>Whether a sentence starts here: after ".", "!" or "?" and a space, not in lower case ("e.g. the").</summary>
    private bool IsSentenceStart(int position)
    {
        if (position == 0) return true;
        if (!IsWordStart(position) || char.IsLower(_text[position])) return false;
        var before = position - 1;
        while (before >= 0 && char.IsWhiteSpace(_text[before])) before--;
        return before >= 0 && _text[before] is '.' or '!' or '?';
    }

    private int FirstHitAtOrAfter(int position)
    {
        var (low, high) = (0, _hits.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_hits[middle].Start < position) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private readonly record struct Candidate(int Start, int End, int Distinct, int Count, bool AtSentence);
}

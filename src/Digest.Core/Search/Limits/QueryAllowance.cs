using Digest.Core.Text;

namespace Digest.Core.Search.Limits;

/// <summary>
/// What one parsed query may still use of <see cref="SearchLimits"/>: expanding terms (fuzzy, wildcard, prefix) are
/// counted as the parser meets them, phrases are cut to their first words, and everything left out is remembered so
/// the response can say what was ignored. One per parse (the parser is per request), not thread-safe.
/// </summary>
internal sealed class QueryAllowance
{
    private const int MaxNamed = 5;

    private readonly SearchLimits _limits;
    private readonly List<string> _plainExpansions = [];
    private readonly List<string> _cutPhrases = [];
    private readonly HashSet<string> _cappedExpansions = new(StringComparer.Ordinal);
    private int _expansions;

    public QueryAllowance(SearchLimits limits) => _limits = limits;

    public SearchLimits Limits => _limits;

    /// <summary>True when one more fuzzy, wildcard or prefix term may expand; false (and noted) when <paramref name="text"/> is searched as a plain word.</summary>
    public bool TryExpand(string text)
    {
        if (_expansions < _limits.MaxExpandingTerms)
        {
            _expansions++;
            return true;
        }
        _plainExpansions.Add(text);
        return false;
    }

    /// <summary>The first <see cref="SearchLimits.MaxPhraseWords"/> words of a phrase; a longer one is noted.</summary>
    public string Phrase(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= _limits.MaxPhraseWords) return text;
        _cutPhrases.Add(string.Join(' ', words[_limits.MaxPhraseWords..]));
        return string.Join(' ', words[.._limits.MaxPhraseWords]);
    }

    /// <summary>Notes that <paramref name="term"/> matched more index words than <see cref="SearchLimits.MaxPrefixExpansions"/>.</summary>
    public void ExpansionCapped(string term)
    {
        _cappedExpansions.Add(term);
    }

    /// <summary>One plain-text message per kind of limit that changed the query.</summary>
    public IEnumerable<string> Messages()
    {
        if (_plainExpansions.Count > 0)
        {
            var verb = _plainExpansions.Count == 1 ? "was" : "were";
            yield return $"Only {_limits.MaxExpandingTerms} fuzzy, wildcard or prefix terms are expanded per search; {Named(_plainExpansions)} {verb} searched as plain words.";
        }
        if (_cutPhrases.Count > 0)
        {
            yield return $"Phrases are searched up to {_limits.MaxPhraseWords} words; “{Shorten(string.Join(" … ", _cutPhrases))}” was ignored.";
        }
        string[] capped = [.. _cappedExpansions];
        if (capped.Length > 0)
        {
            yield return $"{Named(capped)} matched more than {_limits.MaxPrefixExpansions} word forms; only the {_limits.MaxPrefixExpansions} most frequent were searched.";
        }
    }

    private static string Named(IReadOnlyList<string> items)
    {
        var named = string.Join(", ", items.Take(MaxNamed).Select(i => $"“{Shorten(i)}”"));
        return items.Count > MaxNamed ? $"{named} and {items.Count - MaxNamed} more" : named;
    }

    private static string Shorten(string text) => TextShortening.Shorten(text, 60);
}

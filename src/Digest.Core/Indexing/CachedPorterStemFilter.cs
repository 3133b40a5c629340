using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Digest.Core.Indexing;

/// <summary>
/// Porter stemming with a memo of stems. Words in abstracts follow Zipf's law, so nearly every token is a word
/// seen before; looking the stem up (without allocating, through a span lookup) is several times cheaper than
/// stemming it again, and stemming is the costliest step of indexing. The stemmer is Snowball's implementation of the original Porter algorithm.
/// </summary>
public sealed class CachedPorterStemFilter : TokenFilter
{
    private const int MaxCachedWords = 200_000;

    // One memo per thread: the filter runs on ingest and query threads at once, and a lock would cost more than it saves.
    [ThreadStatic]
    private static Dictionary<string, string>? t_stems;

    private readonly PorterStemmer _stemmer = new();
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public CachedPorterStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_keyword.IsKeyword) return true;

        var stems = t_stems ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (!lookup.TryGetValue(word, out var stem))
        {
            _stemmer.SetCurrent(_term.Buffer, _term.Length);
            _stemmer.Stem();
            stem = new string(_stemmer.CurrentBuffer, 0, _stemmer.CurrentBufferLength);
            if (stems.Count < MaxCachedWords) stems[word.ToString()] = stem;
        }
        if (!word.SequenceEqual(stem)) _term.SetEmpty().Append(stem);
        return true;
    }
}

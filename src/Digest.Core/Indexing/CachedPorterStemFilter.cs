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
    // One memo for the process, bounded whatever the thread count (it was one per thread, up to 200,000 words on each
    // thread that ever analysed text); ingest and query threads share it without waiting.
    private static readonly StemMemo Stems = new();

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

        var word = _term.Buffer.AsSpan(0, _term.Length);
        var stem = Stems.Find(word);
        if (stem is null)
        {
            _stemmer.SetCurrent(_term.Buffer, _term.Length);
            _stemmer.Stem();
            stem = new string(_stemmer.CurrentBuffer, 0, _stemmer.CurrentBufferLength);
            Stems.Add(word, stem);
        }
        if (!word.SequenceEqual(stem)) _term.SetEmpty().Append(stem);
        return true;
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Digest.Core.Indexing;

/// <summary>
/// Exact terms (no analysis) as one token stream, for a field that holds many exact values per paper (author names,
/// completion keys): one field instance instead of a <c>StringField</c> per value, each with its own token stream.
/// </summary>
public sealed class ExactTermsTokenStream : TokenStream
{
    private readonly IReadOnlyList<string> _terms;
    private readonly ICharTermAttribute _term;
    private int _next;

    public ExactTermsTokenStream(IReadOnlyList<string> terms)
    {
        _terms = terms;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _terms.Count) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_terms[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}

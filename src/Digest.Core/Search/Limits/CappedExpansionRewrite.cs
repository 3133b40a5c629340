using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Digest.Core.Search.Limits;

/// <summary>
/// How prefix, wildcard and range terms expand: as before (Lucene's constant-score auto rewrite) while a term matches
/// at most <see cref="SearchLimits.MaxPrefixExpansions"/> index terms, else to its that many most frequent terms,
/// noted in the <see cref="QueryAllowance"/>. "a*" matched some 6,000 terms of the dev index and every one of their
/// posting lists was read per search; the most frequent ones find nearly the same papers for a fraction of the work.
/// Enumerating the candidate terms checks the <see cref="SearchDeadline"/>.
/// </summary>
internal sealed class CappedExpansionRewrite : MultiTermQuery.RewriteMethod
{
    private const int DeadlineCheckInterval = 4096;

    private readonly int _maxTerms;
    private readonly QueryAllowance _allowance;
    private readonly SearchDeadline _deadline;

    public CappedExpansionRewrite(QueryAllowance allowance, SearchDeadline deadline)
    {
        _maxTerms = allowance.Limits.MaxPrefixExpansions;
        _allowance = allowance;
        _deadline = deadline;
    }

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        var terms = MultiFields.GetTerms(reader, query.Field);
        if (terms is null) return new BooleanQuery();
        var termsEnum = GetTermsEnum(query, terms, new AttributeSource());
        // A min-heap on document frequency: its top is the rarest of the terms kept.
        var kept = new PriorityQueue<BytesRef, int>(_maxTerms + 1);
        var seen = 0;
        while (termsEnum.MoveNext())
        {
            if (++seen % DeadlineCheckInterval == 0) _deadline.ThrowIfPassed();
            var docFreq = termsEnum.DocFreq;
            if (kept.Count < _maxTerms) kept.Enqueue(BytesRef.DeepCopyOf(termsEnum.Term), docFreq);
            else if (kept.TryPeek(out _, out var rarest) && docFreq > rarest) kept.EnqueueDequeue(BytesRef.DeepCopyOf(termsEnum.Term), docFreq);
        }
        if (seen <= _maxTerms) return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);

        _allowance.ExpansionCapped(Describe(query));
        var frequent = new List<BytesRef>(kept.Count);
        while (kept.TryDequeue(out var term, out _)) frequent.Add(term);
        // A filter, as the auto rewrite makes for big expansions: a disjunction of hundreds of scorers inside a
        // conjunction was ten times slower than marking their documents in a bit set.
        return new ConstantScoreQuery(new TermsFilter(query.Field, frequent)) { Boost = query.Boost };
    }

    /// <summary>The term as the user wrote it, for the notice: "a*", not "text:a*".</summary>
    private static string Describe(MultiTermQuery query) => query switch
    {
        PrefixQuery prefix => prefix.Prefix.Text + "*",
        WildcardQuery wildcard => wildcard.Term.Text,
        _ => query.ToString(query.Field),
    };

    public override bool Equals(object? obj) => obj is CappedExpansionRewrite other && other._maxTerms == _maxTerms;

    public override int GetHashCode() => _maxTerms;
}

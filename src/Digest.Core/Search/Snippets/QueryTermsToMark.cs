using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace Digest.Core.Search.Snippets;

/// <summary>
/// The terms of a user query that snippets mark, by field: the terms of the query rewritten against the index, with
/// prohibited clauses left out. The parser's prefix and wildcard queries are rewritten to a filter, which has no
/// terms, once they match more than 0.1% of the documents; each is therefore also expanded on its own to its first
/// <see cref="MaxExpandedTerms"/> index terms in alphabetical order (a prefix itself comes first: "transform*"
/// marks every word stemmed to "transform"). Fuzzy queries rewrite to their closest terms anyway.
/// </summary>
internal sealed class QueryTermsToMark
{
    private const int MaxExpandedTerms = 64;

    private readonly List<Query> _rewritten = [];

    /// <param name="query">The user query.</param>
    /// <param name="searcher">The searcher the query ran on: rewriting reads its terms.</param>
    /// <param name="fields">The fields whose terms will be asked for; other fields' prefixes are not expanded.</param>
    /// <param name="rewritten"><paramref name="query"/> already rewritten against <paramref name="searcher"/>, or null to rewrite it here.</param>
    public QueryTermsToMark(Query query, IndexSearcher searcher, IReadOnlyCollection<string> fields, Query? rewritten = null)
    {
        _rewritten.Add(rewritten ?? searcher.Rewrite(query));
        foreach (var multiTerm in MultiTermQueries(query).Where(q => fields.Contains(q.Field)))
        {
            if (multiTerm is PrefixQuery prefix)
            {
                _rewritten.Add(FirstTermsWithPrefix(searcher.IndexReader, prefix.Prefix));
            }
            else if (multiTerm is WildcardQuery)
            {
                var expanded = (MultiTermQuery)multiTerm.Clone();
                expanded.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxExpandedTerms);
                _rewritten.Add(searcher.Rewrite(expanded));
            }
        }
    }

    /// <summary>The distinct term texts to mark in <paramref name="field"/>.</summary>
    public IReadOnlyCollection<string> In(string field)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in _rewritten)
        {
            foreach (var term in QueryTermExtractor.GetTerms(query, false, field)) terms.Add(term.Term);
        }
        return terms;
    }

    /// <summary>The prefix, wildcard and fuzzy queries of <paramref name="query"/> outside prohibited clauses.</summary>
    private static IEnumerable<MultiTermQuery> MultiTermQueries(Query query) => query switch
    {
        MultiTermQuery multiTerm => [multiTerm],
        BooleanQuery boolean => boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT).SelectMany(c => MultiTermQueries(c.Query)),
        _ => [],
    };

    /// <summary>
    /// The first index terms starting with <paramref name="prefix"/>, read by seeking to it: a rewrite would visit
    /// every matching term, thousands for "a*".
    /// </summary>
    private static BooleanQuery FirstTermsWithPrefix(IndexReader reader, Term prefix)
    {
        var terms = new BooleanQuery();
        var termsEnum = MultiFields.GetTerms(reader, prefix.Field)?.GetEnumerator();
        if (termsEnum is null || termsEnum.SeekCeil(prefix.Bytes) == TermsEnum.SeekStatus.END) return terms;
        do
        {
            if (!StringHelper.StartsWith(termsEnum.Term, prefix.Bytes)) break;
            terms.Add(new TermQuery(new Term(prefix.Field, BytesRef.DeepCopyOf(termsEnum.Term))), Occur.SHOULD);
        }
        while (terms.Clauses.Count < MaxExpandedTerms && termsEnum.MoveNext());
        return terms;
    }
}

using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Snapshots;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Search.Execution;

/// <summary>
/// Reads what a user typed as a query, never failing: syntax that cannot be read, or a query with more parts than
/// <see cref="SearchLimits.MaxClauses"/>, is searched as plain words, and the messages say so. Thread-safe (a
/// <see cref="PaperQueryParser"/> per call).
/// </summary>
internal sealed class UserQueryParser(Analyzer analyzer, SearchLimits limits, ILogger logger)
{
    /// <summary>The query of <paramref name="text"/> and whether it fell back to plain words; null for no searchable words.</summary>
    public (Query? Query, bool Fallback) Parse(string text, SearchSnapshot snapshot, List<string> messages, QueryAllowance allowance, SearchDeadline deadline)
    {
        if (text.Length == 0) return (null, false);
        try
        {
            var query = NewParser(snapshot, allowance, deadline).Parse(text);
            var usable = WithPositiveClause(query);
            if (usable is null) messages.Add("Your query has no searchable words.");
            if (usable is not null && ClauseCount(usable) > limits.MaxClauses)
            {
                messages.Add($"Your query has more than {limits.MaxClauses} parts, so its words were searched as plain text.");
                return (NewParser(snapshot, allowance, deadline).PlainWordsQuery(text), true);
            }
            return (usable, false);
        }
        catch (Exception e) when (e is ParseException or BooleanQuery.TooManyClausesException or ArgumentException or InvalidOperationException)
        {
            logger.LogDebug(e, "Query {Query} is not valid syntax; searching it as plain words", text);
            messages.Add("Your query could not be read as search syntax (for example an unbalanced quote or parenthesis), so its words were searched as plain text.");
            var plain = NewParser(snapshot, allowance, deadline).PlainWordsQuery(text);
            if (plain is null) messages.Add("Your query has no searchable words.");
            return (plain, true);
        }
    }

    /// <summary>The words of <paramref name="text"/> as plain words (no syntax); null for none.</summary>
    public Query? PlainWords(string text, SearchSnapshot snapshot, QueryAllowance allowance, SearchDeadline deadline) =>
        NewParser(snapshot, allowance, deadline).PlainWordsQuery(text);

    private PaperQueryParser NewParser(SearchSnapshot snapshot, QueryAllowance allowance, SearchDeadline deadline) =>
        new(analyzer, snapshot.Reader, snapshot.Frequencies, snapshot.Facets.Categories, allowance, deadline);

    /// <summary>Clauses of every Boolean query in <paramref name="query"/>, at every level.</summary>
    private static int ClauseCount(Query query) =>
        query is BooleanQuery boolean ? boolean.Clauses.Sum(c => 1 + ClauseCount(c.Query)) : 0;

    /// <summary>Null for a query without searchable words; a purely negative query ("-word") gets "everything" to subtract from.</summary>
    private static Query? WithPositiveClause(Query? query)
    {
        if (query is not BooleanQuery boolean) return query;
        if (boolean.Clauses.Count == 0) return null;
        if (boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT)) boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        return boolean;
    }
}

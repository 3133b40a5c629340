using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Ranking;
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
internal sealed class UserQueryParser(Analyzer analyzer, SearchLimits limits, RankingSettings ranking, ILogger logger)
{
    /// <summary>
    /// The query of <paramref name="text"/>, whether it fell back to plain words, and its plan for relaxing (see
    /// <see cref="QueryRelaxation"/>; the query is the plan's first). Null query and plan for no searchable words.
    /// </summary>
    public (Query? Query, bool Fallback, RelaxedQuery? Plan) Parse(
        string text, SearchSnapshot snapshot, List<string> messages, QueryAllowance allowance, SearchDeadline deadline)
    {
        if (text.Length == 0) return (null, false, null);
        text = QuestionMarks.Strip(text);
        var titleBoost = TitleBoostFor(text);
        // A fresh parser per attempt: one keeps the bare words of what it parsed, which the relaxation reads.
        var parser = NewParser(snapshot, allowance, deadline, titleBoost);
        var fallback = false;
        Query? query;
        try
        {
            query = WithPositiveClause(parser.Parse(text));
            if (query is not null && ClauseCount(query) > limits.MaxClauses)
            {
                messages.Add($"Your query has more than {limits.MaxClauses} parts, so its words were searched as plain text.");
                parser = NewParser(snapshot, allowance, deadline, titleBoost);
                (query, fallback) = (parser.PlainWordsQuery(text), true);
            }
        }
        catch (Exception e) when (e is ParseException or BooleanQuery.TooManyClausesException or ArgumentException or InvalidOperationException)
        {
            logger.LogDebug(e, "Query {Query} is not valid syntax; searching it as plain words", text);
            messages.Add("Your query could not be read as search syntax (for example an unbalanced quote or parenthesis), so its words were searched as plain text.");
            parser = NewParser(snapshot, allowance, deadline, titleBoost);
            (query, fallback) = (parser.PlainWordsQuery(text), true);
        }
        if (query is null)
        {
            messages.Add("Your query has no searchable words.");
            return (null, fallback, null);
        }
        var plan = QueryRelaxation.Plan(query, parser, ranking);
        return (plan.First, fallback, plan);
    }

    /// <summary>The words of <paramref name="text"/> as plain words (no syntax), planned for relaxing; null for none.</summary>
    public RelaxedQuery? PlainWords(string text, SearchSnapshot snapshot, QueryAllowance allowance, SearchDeadline deadline)
    {
        text = QuestionMarks.Strip(text);
        var parser = NewParser(snapshot, allowance, deadline, TitleBoostFor(text));
        return parser.PlainWordsQuery(text) is { } plain ? QueryRelaxation.Plan(plain, parser, ranking) : null;
    }

    /// <summary>The title boost for <paramref name="text"/>: keyword queries and longer ones differ (see <see cref="RankingSettings.TitleBoostFor"/>).</summary>
    private float TitleBoostFor(string text) => ranking.TitleBoostFor(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    private PaperQueryParser NewParser(SearchSnapshot snapshot, QueryAllowance allowance, SearchDeadline deadline, float titleBoost) =>
        new(analyzer, snapshot.Reader, snapshot.Frequencies, snapshot.Facets.Categories, allowance, deadline, ranking, titleBoost);

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

using Digest.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Digest.Core.Topics;

/// <summary>
/// Turns a topic definition into a Lucene query with the search index's own analysis
/// (<see cref="PaperAnalyzer"/>), so a definition means the same thing as the same text typed into search.
/// Terms without a field prefix search title, abstract and keyword; <c>category:cs.RO</c> is exact.
/// The default operator is OR; hyphenated words such as <c>fine-tuning</c> become phrases.
/// </summary>
public static class TopicQueryParser
{
    private static readonly string[] DefaultFields = [PaperFields.Title, PaperFields.Abstract, PaperFields.Keyword];

    // PerFieldAnalyzerWrapper reuses token streams per thread, so one instance serves every caller.
    private static readonly Analyzer Analyzer = PaperAnalyzer.Create();

    /// <summary>Parses a definition; returns the query, or null and the parser's reason.</summary>
    public static (Query? Query, string? Error) Parse(string definition)
    {
        if (string.IsNullOrWhiteSpace(definition)) return (null, "the query is empty");

        // QueryParser is not thread-safe: one per call (parsing happens only when a taxonomy loads).
        var parser = new MultiFieldQueryParser(PaperAnalyzer.Version, DefaultFields, Analyzer)
        {
            DefaultOperator = Operator.OR,
            AutoGeneratePhraseQueries = true,
            AllowLeadingWildcard = false,
        };
        try
        {
            return (parser.Parse(definition), null);
        }
        catch (ParseException e)
        {
            return (null, "the query does not parse: " + FirstLine(e.Message));
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return (null, "the query has too many clauses");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}

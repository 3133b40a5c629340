using Digest.Core.Indexing;
using Digest.Core.Papers;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;

namespace Digest.Core.Topics;

/// <summary>
/// Decides which topics a paper belongs to by running every topic's query against a one-document
/// in-memory index of the paper, analysed exactly as the search index analyses it.
/// <para>
/// A child topic narrows its parent: a paper gets a child only when it also matches the parent. So a parent's
/// facet count always includes its children's papers, and filtering by a child never shows a paper missing from
/// the parent. The alternative (always adding the parent) would make a LoRA paper on image diffusion an LLM paper.
/// </para>
/// Thread-safe: each thread reuses its own <see cref="MemoryIndex"/>; compiled queries are shared read-only.
/// </summary>
public sealed class TopicAssigner : IDisposable
{
    private readonly CompiledTopic[] _topics;
    private readonly int[] _evaluationOrder;
    private readonly Analyzer _analyzer = PaperAnalyzer.Create();
    private readonly ThreadLocal<MemoryIndex> _index = new(() => new MemoryIndex());

    /// <summary>Compiles every topic query of the taxonomy once.</summary>
    public TopicAssigner(Taxonomy taxonomy)
    {
        Taxonomy = taxonomy;
        var indexOf = taxonomy.Topics.Select((t, i) => (t.Slug, i)).ToDictionary(p => p.Slug, p => p.i);
        _topics = taxonomy.Topics.Select(topic => new CompiledTopic(
            topic.Slug,
            TopicQueryParser.Parse(topic.Query).Query
                ?? throw new ArgumentException($"Topic '{topic.Slug}' has an invalid query; load taxonomies through TaxonomyLoader."),
            topic.Parent is null ? -1 : indexOf[topic.Parent],
            Depth(taxonomy, topic))).ToArray();

        // Parents before children, so a child is only tried when its parent matched.
        _evaluationOrder = Enumerable.Range(0, _topics.Length).OrderBy(i => _topics[i].Depth).ThenBy(i => i).ToArray();
    }

    /// <summary>The taxonomy this assigner was built from.</summary>
    public Taxonomy Taxonomy { get; }

    /// <summary>The slugs of the topics the paper belongs to, in taxonomy order.</summary>
    public IReadOnlyList<string> Assign(Paper paper)
    {
        var index = _index.Value!;
        index.Reset();
        index.AddField(PaperFields.Title, paper.Title, _analyzer);
        index.AddField(PaperFields.Abstract, paper.Abstract, _analyzer);
        // MemoryIndex in Lucene 4.8 takes each field once, so multi-valued fields go in as one stream:
        // categories one exact token per value, keywords as one text (a phrase could span two keywords; rare, harmless).
        if (paper.Categories.Count > 0)
            index.AddField(PaperFields.Category, index.KeywordTokenStream(paper.Categories.ToList()));
        if (paper.Keywords.Count > 0)
            index.AddField(PaperFields.Keyword, string.Join(" ; ", paper.Keywords), _analyzer);

        var searcher = index.CreateSearcher();
        var paperTerms = TermsOf(searcher.IndexReader);
        var collector = new MatchCollector();
        var matched = new bool[_topics.Length];
        foreach (var i in _evaluationOrder)
        {
            var topic = _topics[i];
            if (topic.ParentIndex >= 0 && !matched[topic.ParentIndex]) continue;
            if (topic.PositiveTerms is { } terms && !terms.Any(paperTerms.Contains)) continue;
            collector.Reset();
            searcher.Search(topic.Query, collector);
            matched[i] = collector.Matched;
        }

        var slugs = new List<string>();
        for (var i = 0; i < _topics.Length; i++)
            if (matched[i]) slugs.Add(_topics[i].Slug);
        return slugs;
    }

    public void Dispose()
    {
        _index.Dispose();
        _analyzer.Dispose();
    }

    // Field and term text joined, so one set answers "does the paper have this term in this field".
    private static string Key(string field, string text) => field + "\u0000" + text;

    private static HashSet<string> TermsOf(IndexReader reader)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in reader.Leaves)
        {
            var fields = context.AtomicReader.Fields;
            if (fields is null) continue;
            foreach (var field in fields)
            {
                var termsEnum = fields.GetTerms(field).GetEnumerator();
                while (termsEnum.MoveNext()) terms.Add(Key(field, termsEnum.Term.Utf8ToString()));
            }
        }
        return terms;
    }

    /// <summary>
    /// Every term a match needs at least one of (the query's terms outside exclusions), or null when the query
    /// cannot say (wildcards). Most topics share no term with a given paper, and checking a hash set is far cheaper
    /// than running the query.
    /// </summary>
    private static string[]? PositiveTermsOf(Query query)
    {
        var terms = new HashSet<Term>();
        try
        {
            query.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        return terms.Count == 0 ? null : terms.Select(t => Key(t.Field, t.Text)).Distinct().ToArray();
    }

    private static int Depth(Taxonomy taxonomy, Topic topic)
    {
        var depth = 0;
        for (var parent = topic.Parent; parent is not null; parent = taxonomy.Find(parent)?.Parent) depth++;
        return depth;
    }

    private sealed record CompiledTopic(string Slug, Query Query, int ParentIndex, int Depth)
    {
        public string[]? PositiveTerms { get; } = PositiveTermsOf(Query);
    }
}

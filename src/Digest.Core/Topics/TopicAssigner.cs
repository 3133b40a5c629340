using Digest.Core.Indexing;
using Digest.Core.Papers;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;

namespace Digest.Core.Topics;

/// <summary>
/// Decides which topics a paper belongs to by matching every topic's query against the paper's terms, analysed
/// exactly as the search index analyses it (see <see cref="TopicQueryMatcher"/>; Lucene's <see cref="MemoryIndex"/>
/// decides for query types the matcher does not evaluate).
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
    private readonly ThreadLocal<PaperTerms> _terms = new(() => new PaperTerms());

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
    /// <param name="paper">The paper to file.</param>
    /// <param name="tokens">Its texts analysed already (at ingest, for the index too); analysed here when null.</param>
    public IReadOnlyList<string> Assign(Paper paper, PaperTokens? tokens = null) => Assign(paper, luceneOnly: false, tokens);

    /// <param name="paper">The paper to file.</param>
    /// <param name="luceneOnly">Let Lucene decide every topic (the reference the faster matcher is tested against).</param>
    /// <param name="tokens">Its texts analysed already, or null.</param>
    internal IReadOnlyList<string> Assign(Paper paper, bool luceneOnly, PaperTokens? tokens = null)
    {
        var terms = _terms.Value!;
        if (tokens is null) terms.Fill(paper, _analyzer);
        else terms.Fill(paper, tokens);
        IndexSearcher? searcher = null;

        var matched = new bool[_topics.Length];
        foreach (var i in _evaluationOrder)
        {
            var topic = _topics[i];
            if (topic.ParentIndex >= 0 && !matched[topic.ParentIndex]) continue;
            if (topic.PositiveTerms is { } positive && !positive.Any(terms.Contains)) continue;
            if (!luceneOnly && topic.Matcher is { } matcher)
            {
                matched[i] = matcher.Matches(terms);
                continue;
            }
            // A query type the matcher does not evaluate: Lucene itself decides, on a one-document index built only now.
            searcher ??= BuildMemoryIndex(paper).CreateSearcher();
            var collector = new MatchCollector();
            searcher.Search(topic.Query, collector);
            matched[i] = collector.Matched;
        }

        var slugs = new List<string>();
        for (var i = 0; i < _topics.Length; i++)
            if (matched[i]) slugs.Add(_topics[i].Slug);
        return slugs;
    }

    private MemoryIndex BuildMemoryIndex(Paper paper)
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
        return index;
    }

    public void Dispose()
    {
        _index.Dispose();
        _terms.Dispose();
        _analyzer.Dispose();
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
        return terms.Count == 0 ? null : terms.Select(t => PaperTerms.Key(t.Field, t.Text)).Distinct().ToArray();
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

        public TopicQueryMatcher? Matcher { get; } = TopicQueryMatcher.TryCompile(Query);
    }
}

using Digest.Core.Indexing;
using Digest.Core.Search;
using Digest.Core.Search.Ranking;
using Digest.Core.Configuration;
using Digest.Core.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Benchmarks.Relevance;

/// <summary>
/// Search quality on BEIR SciFact: indexes the 5,183 abstracts with the real <see cref="PaperIndex"/> into a temporary
/// folder and runs every judged claim through the real <see cref="SearchService"/> (top 100, no snippets), printing
/// nDCG@10, MRR@10, recall@100, the queries with no result and latency, for the train and the test queries.
/// Parameters are chosen on train (<c>--sweep</c> prints the grid); test is reported, never tuned on.
/// </summary>
public static class RelevanceBenchmark
{
    private const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- relevance";

    public static int Run(string[] args)
    {
        var directory = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault() ?? SciFact.SharedDirectory();
        var sweep = args.Contains("--sweep");
        Console.WriteLine($"# Digest relevance benchmark: {Command} {string.Join(' ', args)}");
        Console.WriteLine($"# SciFact from {directory}, {Environment.ProcessorCount} cores, load {MachineLoad.Averages()}");
        var data = SciFact.Load(directory);
        Console.WriteLine($"# {data.Papers.Count} abstracts, {data.Train.Relevant.Count} train and {data.Test.Relevant.Count} test queries");

        var indexPath = Path.Combine(Path.GetTempPath(), "digest-relevance-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var index = new PaperIndex(indexPath, NullLogger<PaperIndex>.Instance))
            {
                index.Apply(data.Papers, [], 1);
                index.Commit();
                index.Refresh();
            }
            Console.WriteLine(RelevanceRun.Header);
            if (sweep) Sweep(indexPath, data);
            using (var index = new PaperIndex(indexPath, NullLogger<PaperIndex>.Instance))
            {
                var service = new SearchService(index, NullLogger<SearchService>.Instance);
                Lexical(service, "warm-up", data, data.Train);
                Console.WriteLine(Lexical(service, "lexical, train", data, data.Train));
                Console.WriteLine(Lexical(service, "lexical, test", data, data.Test));
                KnownItems(service, data);
                if (args.Contains("--rm3")) FeedbackExperiment(service, index, data);
                if (args.Contains("--explain")) Explain(service, data, data.Train);
            }
            var chars = args.SkipWhile(a => a != "--chars").Skip(1).Select(int.Parse).FirstOrDefault(new SemanticOptions().MaxAbstractChars);
            var model = args.SkipWhile(a => a != "--model").Skip(1).Select(Enum.Parse<EmbeddingModel>).FirstOrDefault(new SemanticOptions().Model);
            if (!args.Contains("--lexical")) Hybrid(indexPath, data, sweep, model, chars);
        }
        finally
        {
            Directory.Delete(indexPath, recursive: true);
        }
        return 0;
    }

    private static RelevanceRun Lexical(SearchService service, string label, SciFact data, Judgments judgments) =>
        RelevanceRun.Measure(label, data, judgments, text =>
            [.. service.Search(new SearchRequest { Query = text, PageSize = 100, IncludeSnippets = false, Sort = SearchSort.Relevance }).Results.Select(r => r.Id)]);

    /// <summary>
    /// The parameter grid, on the train queries only: one factor at a time from the shipped defaults, each line the
    /// figures with that one change.
    /// </summary>
    private static void Sweep(string indexPath, SciFact data)
    {
        var baseline = RankingSettings.Default;
        var variants = new List<(string Label, RankingSettings Settings)> { ("defaults", baseline) };
        foreach (var k1 in new[] { 0.6f, 0.9f, 1.2f, 1.5f }) variants.Add(($"k1={k1}", baseline with { K1 = k1 }));
        foreach (var b in new[] { 0.3f, 0.4f, 0.6f, 0.75f }) variants.Add(($"b={b}", baseline with { B = b }));
        foreach (var boost in new[] { 0f, 0.25f, 0.5f, 1f }) variants.Add(($"title boost={boost}", baseline with { TitleBoost = boost }));
        foreach (var upTo in new[] { 2, 3, 4 }) variants.Add(($"all words up to={upTo}", baseline with { AllWordsUpTo = upTo }));
        foreach (var share in new[] { 0.0, 0.1, 0.2, 0.3, 0.4 }) variants.Add(($"minimum match={share}", baseline with { MinimumMatch = share }));
        foreach (var fewest in new[] { 1, 2, 3 }) variants.Add(($"fewest words={fewest}", baseline with { FewestWords = fewest }));
        foreach (var near in new[] { 0f, 0.1f, 0.25f, 0.5f }) variants.Add(($"proximity boost={near}", baseline with { ProximityBoost = near }));
        foreach (var slop in new[] { 2, 8, 16 }) variants.Add(($"proximity slop={slop}", baseline with { ProximitySlop = slop }));
        foreach (var (label, settings) in variants)
        {
            using var index = new PaperIndex(indexPath, NullLogger<PaperIndex>.Instance, settings);
            Console.WriteLine(Lexical(new SearchService(index, NullLogger<SearchService>.Instance), "sweep " + label, data, data.Train));
        }
    }

    /// <summary>
    /// Hybrid search: the abstracts embedded as the app embeds them (cached under /tmp after the first run), the query
    /// embedded per search, and the same SearchService with semantic neighbours. With --sweep, the fusion grid on train.
    /// </summary>
    private static void Hybrid(string indexPath, SciFact data, bool sweep, EmbeddingModel model, int maxAbstractChars)
    {
        var options = new SemanticOptions { Enabled = true, Threads = Environment.ProcessorCount, Model = model, MaxAbstractChars = maxAbstractChars };
        using var encoder = new TextEncoder(options);
        var texts = data.Papers.Select(p => EmbeddingText.For(p.Title, p.Abstract, options.MaxAbstractChars)).ToList();
        var vectors = CorpusVectorCache.Load(CorpusVectorCache.DefaultDirectory, $"scifact-{options.Model}-{options.MaxAbstractChars}", encoder, texts, options.BatchSize);
        using var semanticIndex = new SemanticIndex();
        for (var i = 0; i < vectors.Length; i++) semanticIndex.Upsert(data.Papers[i].Id, vectors[i]);
        using var embedder = new QueryEmbedder(encoder, options);
        var neighbours = new SemanticNeighbourSearch(embedder, semanticIndex);
        Console.WriteLine($"# hybrid: {options.Model}, title + {options.MaxAbstractChars} characters of abstract, {semanticIndex.Count} vectors");
        Console.WriteLine(RelevanceRun.Header);

        if (sweep)
        {
            var baseline = RankingSettings.Default;
            Console.WriteLine("# hybrid sweep (train only)");
            var variants = new List<(string Label, RankingSettings Settings)>();
            foreach (var weight in new[] { 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f }) variants.Add(($"lexical weight={weight}", baseline with { LexicalWeight = weight }));
            foreach (var count in new[] { 20, 50, 100, 200 }) variants.Add(($"neighbours={count}", baseline with { SemanticNeighbours = count }));
            // The best of each factor above, together.
            foreach (var weight in new[] { 0.5f, 0.6f })
            {
                foreach (var count in new[] { 100, 200 })
                {
                    foreach (var fewest in new[] { 1, 2 })
                    {
                        variants.Add(($"weight={weight} neighbours={count} fewest={fewest}", baseline with { LexicalWeight = weight, SemanticNeighbours = count, FewestWords = fewest }));
                    }
                }
            }
            foreach (var (label, settings) in variants)
            {
                using var swept = new PaperIndex(indexPath, NullLogger<PaperIndex>.Instance, settings);
                Console.WriteLine(Lexical(new SearchService(swept, NullLogger<SearchService>.Instance, new SearchLimits(), neighbours), "sweep hybrid " + label, data, data.Train));
            }
        }

        using var index = new PaperIndex(indexPath, NullLogger<PaperIndex>.Instance);
        var service = new SearchService(index, NullLogger<SearchService>.Instance, new SearchLimits(), neighbours);
        Lexical(service, "warm-up", data, data.Train);
        Console.WriteLine(Lexical(service, "hybrid, train", data, data.Train));
        Console.WriteLine(Lexical(service, "hybrid, test", data, data.Test));
        KnownItems(service, data);
        RelatedPapers(new SearchService(index, NullLogger<SearchService>.Instance), "related papers, MoreLikeThis", data);
        RelatedPapers(service, "related papers, embeddings", data);
    }

    /// <summary>
    /// Related papers judged by SciFact's experts: two abstracts that are evidence for the same train claim are about the
    /// same thing, so each should list the other among its 5 related papers. Prints the share that does.
    /// </summary>
    private static void RelatedPapers(SearchService service, string label, SciFact data)
    {
        var (pairs, found) = (0, 0);
        foreach (var relevant in data.Train.Relevant.Values.Where(r => r.Count >= 2))
        {
            foreach (var paper in relevant.Keys)
            {
                var related = service.RelatedPapers(paper, 5).Select(r => r.Id).ToHashSet();
                pairs++;
                if (relevant.Keys.Any(other => other != paper && related.Contains(other))) found++;
            }
        }
        Console.WriteLine($"  {label}: {found} of {pairs} abstracts ({100.0 * found / pairs:F1}%) list another abstract of the same claim among their 5 related papers");
    }

    /// <summary>
    /// Known-item search: every abstract's title typed as the query (relaxation must not bury the paper it names).
    /// Prints the share found first and in the top 3.
    /// </summary>
    private static void KnownItems(SearchService service, SciFact data)
    {
        var (first, top3, titled) = (0, 0, 0);
        foreach (var paper in data.Papers.Where(p => p.Title.Length > 0))
        {
            titled++;
            var ids = service.Search(new SearchRequest { Query = paper.Title, PageSize = 3, IncludeSnippets = false }).Results.Select(r => r.Id).ToList();
            if (ids.Count > 0 && ids[0] == paper.Id) first++;
            if (ids.Contains(paper.Id)) top3++;
        }
        Console.WriteLine($"  known item (title as query): {titled} titles, first {100.0 * first / titled:F1}%, top 3 {100.0 * top3 / titled:F1}%");
    }

    /// <summary>
    /// Pseudo-relevance feedback (RM3-style), tried on train only: the query's top documents' most weighted terms are
    /// added as boosted words. Prints the grid; the shipped ranking has feedback only if this pays.
    /// </summary>
    private static void FeedbackExperiment(SearchService service, PaperIndex index, SciFact data)
    {
        var texts = data.Papers.ToDictionary(p => p.Id, p => p.Title + " " + p.Abstract);
        foreach (var (docs, terms, weight) in new[] { (5, 5, 0.3f), (10, 10, 0.3f), (10, 10, 0.5f), (10, 20, 0.2f), (3, 10, 0.3f) })
        {
            Console.WriteLine(RelevanceRun.Measure($"rm3 docs={docs} terms={terms} weight={weight}", data, data.Train, text =>
            {
                var top = service.Search(new SearchRequest { Query = text, PageSize = docs, IncludeSnippets = false, Sort = SearchSort.Relevance }).Results;
                var queryTerms = Terms(index, text).Keys.ToHashSet();
                var model = new Dictionary<string, double>();
                for (var rank = 0; rank < top.Count; rank++)
                {
                    var counts = Terms(index, texts[top[rank].Id]);
                    var length = counts.Values.Sum();
                    var docWeight = 1.0 / (rank + 1);
                    foreach (var (term, count) in counts) model[term] = model.GetValueOrDefault(term) + docWeight * count / length;
                }
                var expansion = model.Where(p => !queryTerms.Contains(p.Key) && p.Key.All(char.IsLetter) && p.Key.Length > 2)
                    .OrderByDescending(p => p.Value).Take(terms).ToList();
                if (expansion.Count == 0) return [.. top.Select(r => r.Id)];
                var max = expansion[0].Value;
                var expanded = text + " " + string.Join(' ', expansion.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key}^{weight * p.Value / max:F3}")));
                return [.. service.Search(new SearchRequest { Query = expanded, PageSize = 100, IncludeSnippets = false, Sort = SearchSort.Relevance }).Results.Select(r => r.Id)];
            }));
        }
    }

    private static Dictionary<string, int> Terms(PaperIndex index, string text)
    {
        var counts = new Dictionary<string, int>();
        using var stream = index.Analyzer.GetTokenStream(Digest.Core.Indexing.PaperFields.Text, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) counts[term.ToString()] = counts.GetValueOrDefault(term.ToString()) + 1;
        stream.End();
        return counts;
    }

    /// <summary>Prints train queries that find nothing, with what the service said (to see why).</summary>
    private static void Explain(SearchService service, SciFact data, Judgments judgments)
    {
        foreach (var queryId in judgments.Relevant.Keys)
        {
            var response = service.Search(new SearchRequest { Query = data.Queries[queryId], PageSize = 10, IncludeSnippets = false });
            if (response.TotalHits > 0) continue;
            Console.WriteLine($"none: {data.Queries[queryId]} | {string.Join(" | ", response.Messages)}");
        }
    }

}

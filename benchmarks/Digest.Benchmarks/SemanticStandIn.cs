using Digest.Core.Indexing;
using Digest.Core.Configuration;
using Digest.Core.Semantic;

namespace Digest.Benchmarks;

/// <summary>
/// Hybrid search's cost at a scale nobody can embed on two cores in a benchmark run (100,000 papers take hours): the
/// real model embeds each query, and the real vector index holds one random unit vector per indexed paper. The scan,
/// the neighbours' lookup in Lucene and the fusion cost what they cost with real vectors; only which papers are near
/// is meaningless (relevance is measured by the relevance benchmark, on real embeddings).
/// </summary>
internal sealed class SemanticStandIn : IDisposable
{
    private readonly TextEncoder _encoder;
    private readonly QueryEmbedder _embedder;
    private readonly SemanticIndex _index;

    private SemanticStandIn(TextEncoder encoder, QueryEmbedder embedder, SemanticIndex index)
    {
        (_encoder, _embedder, _index) = (encoder, embedder, index);
        Neighbours = new SemanticNeighbourSearch(embedder, index);
    }

    public SemanticNeighbourSearch Neighbours { get; }

    public static SemanticStandIn Create(PaperIndex papers)
    {
        var options = new SemanticOptions { Enabled = true };
        var encoder = new TextEncoder(options);
        var index = new SemanticIndex();
        var random = new Random(42);
        var vector = new float[TextEncoder.Dimensions];
        foreach (var id in papers.Search(searcher => PaperIds(searcher.IndexReader)))
        {
            for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
            index.Upsert(id, vector);
        }
        Console.WriteLine($"# semantic stand-in: {index.Count} random vectors, {options.Model} embeds the queries");
        return new SemanticStandIn(encoder, new QueryEmbedder(encoder, options), index);
    }

    private static List<string> PaperIds(Lucene.Net.Index.IndexReader reader)
    {
        var ids = new List<string>(reader.NumDocs);
        var live = Lucene.Net.Index.MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc)) ids.Add(reader.Document(doc).Get(PaperFields.Id));
        }
        return ids;
    }

    public void Dispose()
    {
        _embedder.Dispose();
        _index.Dispose();
        _encoder.Dispose();
    }
}

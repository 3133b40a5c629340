using Digest.Core.Configuration;
using Digest.Core.Search.Ranking;
using Digest.Core.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Core.Composition;

public static class SemanticServiceCollectionExtensions
{
    /// <summary>
    /// Registers semantic search: the model (loaded only when <see cref="SemanticOptions.Enabled"/>), the in-memory vector
    /// index, the embedding store, the query embedder and the semantic neighbours hybrid search and related papers use.
    /// With semantic search off the same types exist, empty: the index
    /// holds nothing and <see cref="QueryEmbedder.Embed"/> answers null, so search simply stays lexical.
    /// </summary>
    public static IServiceCollection AddDigestSemantic(this IServiceCollection services)
    {
        services.AddSingleton(sp => new TextEncoder(sp.GetRequiredService<IOptions<DigestOptions>>().Value.Semantic));
        services.AddSingleton(_ => new SemanticIndex());
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton(sp => new QueryEmbedder(sp.GetRequiredService<TextEncoder>(), sp.GetRequiredService<IOptions<DigestOptions>>().Value.Semantic));
        services.AddSingleton<ISemanticNeighbours>(sp => new SemanticNeighbourSearch(
            new Lazy<QueryEmbedder>(sp.GetRequiredService<QueryEmbedder>), sp.GetRequiredService<SemanticIndex>()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PaperEmbedder>(sp, sp.GetRequiredService<IOptions<DigestOptions>>().Value.Semantic));
        return services;
    }
}

using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Startup;
using Digest.Core.Search;
using Digest.Core.Search.Ranking;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Composition;

/// <summary>
/// The composition root of Core: the one place that knows every service and how they are built. It lives apart from
/// <c>Configuration</c> (the options everyone reads), so that no feature namespace depends on the registration.
/// </summary>
public static class DigestCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store, index services, ingestion, topics and search. Who owns the index is registered by the
    /// host: the web app always owns it (<see cref="AddOwnedPaperIndex(IServiceCollection)"/>), a CLI verb only when no
    /// app is running (<see cref="AddIndexOwnedElsewhere"/> otherwise); without it, ingests are stored and the owner indexes them.
    /// </summary>
    public static IServiceCollection AddDigestCore(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<PaperStore>();
        services.AddSingleton<StoreBackup>();

        services.AddSingleton(sp => new IngestService(
            sp.GetRequiredService<PaperStore>(),
            sp.GetRequiredService<IIndexOwnership>(),
            sp.GetRequiredService<TopicAssigner>(),
            sp.GetRequiredService<IOptions<DigestOptions>>(),
            sp.GetRequiredService<ILogger<IngestService>>(),
            sp.GetRequiredService<TimeProvider>()));
        // The taxonomy is read once at start; a changed taxonomy takes effect (and re-assigns topics) at the next start.
        services.AddSingleton(sp => new TaxonomyProvider(sp.GetRequiredService<IOptions<DigestOptions>>().Value.DataPath, sp.GetRequiredService<ILogger<TaxonomyProvider>>()));
        services.AddSingleton(sp => new TopicAssigner(sp.GetRequiredService<TaxonomyProvider>().Current));
        services.AddSingleton<TopicReassigner>();
        // Needs the index: resolvable in the web app, and in a CLI verb only when no app owns the index.
        services.AddSingleton(sp => new SearchService(
            sp.GetRequiredService<PaperIndex>(),
            sp.GetRequiredService<ILogger<SearchService>>(),
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.Search,
            sp.GetRequiredService<ISemanticNeighbours>(),
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.Trending,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DigestInitializer>();
        services.AddDigestSemantic();
        services.AddDigestSources();
        services.AddDigestArxiv();
        services.AddDigestSubscriptions();
        services.AddDigestReaders();
        return services;
    }

    /// <summary>Registers the index, opened on first use from the configured data directory; this process owns its write lock.</summary>
    public static IServiceCollection AddOwnedPaperIndex(this IServiceCollection services) =>
        services.AddSingleton(sp => new PaperIndex(
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.IndexPath,
            sp.GetRequiredService<ILogger<PaperIndex>>())).AddIndexOwnerServices();

    /// <summary>Registers an index this process has already opened (a CLI verb that took the write lock); the caller disposes it.</summary>
    public static IServiceCollection AddOwnedPaperIndex(this IServiceCollection services, PaperIndex index) =>
        services.AddSingleton(index).AddIndexOwnerServices();

    /// <summary>Registers that another process (normally the running app) owns the index: this process only writes the store.</summary>
    public static IServiceCollection AddIndexOwnedElsewhere(this IServiceCollection services) =>
        services.AddSingleton<IIndexOwnership>(sp => new IndexOwnedElsewhere(sp.GetRequiredService<IOptions<DigestOptions>>().Value.IndexPath));

    /// <summary>What only the index's owner can build: the synchronizer needs the open index.</summary>
    private static IServiceCollection AddIndexOwnerServices(this IServiceCollection services)
    {
        services.AddSingleton<IndexSynchronizer>();
        services.AddSingleton<OwnedIndex>();
        services.AddSingleton<IIndexOwnership>(sp => sp.GetRequiredService<OwnedIndex>());
        return services;
    }
}

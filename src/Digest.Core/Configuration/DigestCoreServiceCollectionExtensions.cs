using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Sources;
using Digest.Core.Subscriptions;
using Digest.Core.Startup;
using Digest.Core.Search;
using Digest.Core.Semantic;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Core.Configuration;

public static class DigestCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store, index services, ingestion, topics and search. The <see cref="PaperIndex"/> itself is
    /// registered by the host: the web app always owns it, a CLI verb only when no app is running
    /// (see <see cref="AddOwnedPaperIndex"/>); without it, ingests are stored and the owner indexes them.
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

        services.AddSingleton(sp => new IndexSynchronizer(
            sp.GetRequiredService<PaperStore>(), sp.GetRequiredService<PaperIndex>(), sp.GetRequiredService<ILogger<IndexSynchronizer>>()));
        services.AddSingleton(sp => new IngestService(
            sp.GetRequiredService<PaperStore>(),
            sp.GetService<PaperIndex>() is null ? null : sp.GetRequiredService<IndexSynchronizer>(),
            sp.GetRequiredService<TopicAssigner>(),
            sp.GetRequiredService<IOptions<DigestOptions>>(),
            sp.GetRequiredService<ILogger<IngestService>>(),
            sp.GetRequiredService<TimeProvider>()));
        // The taxonomy is read once at start; a changed taxonomy takes effect (and re-assigns topics) at the next start.
        services.AddSingleton(sp => new TaxonomyProvider(sp.GetRequiredService<IOptions<DigestOptions>>().Value.DataPath, sp.GetRequiredService<ILogger<TaxonomyProvider>>()));
        services.AddSingleton(sp => new TopicAssigner(sp.GetRequiredService<TaxonomyProvider>().Current));
        services.AddSingleton(sp => new TopicReassigner(
            sp.GetRequiredService<PaperStore>(),
            sp.GetRequiredService<TopicAssigner>(),
            sp.GetService<PaperIndex>() is null ? null : sp.GetRequiredService<IndexSynchronizer>(),
            sp.GetRequiredService<ILogger<TopicReassigner>>()));
        // Needs the index: resolvable in the web app, and in a CLI verb only when no app owns the index.
        services.AddSingleton(sp => new SearchService(
            sp.GetRequiredService<PaperIndex>(),
            sp.GetRequiredService<ILogger<SearchService>>(),
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.Search));
        services.AddSingleton<DigestInitializer>();
        services.AddDigestSemantic();
        services.AddDigestSources();
        services.AddDigestSubscriptions();
        return services;
    }

    /// <summary>Registers the index, opened on first use from the configured data directory; this process owns its write lock.</summary>
    public static IServiceCollection AddOwnedPaperIndex(this IServiceCollection services) =>
        services.AddSingleton(sp => new PaperIndex(
            sp.GetRequiredService<IOptions<DigestOptions>>().Value.IndexPath,
            sp.GetRequiredService<ILogger<PaperIndex>>()));
}

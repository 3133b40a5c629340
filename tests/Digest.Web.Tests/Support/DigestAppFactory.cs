using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Web.Tests.Support;

/// <summary>
/// The real app (real SQLite file, real Lucene index) in a data directory of its own, deleted on dispose.
/// Settings are passed as configuration, exactly as a self-hoster would set them.
/// </summary>
public sealed class DigestAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly RecordingLoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="settings">Configuration, as a self-hoster would set it.</param>
    /// <param name="logs">Collects the app's log lines, for tests that check what was logged.</param>
    /// <param name="configureServices">Replaces services after the app's own registration (a fake clock, a removed background service).</param>
    public DigestAppFactory(IDictionary<string, string?>? settings = null, RecordingLoggerProvider? logs = null, Action<IServiceCollection>? configureServices = null)
    {
        _logs = logs;
        _configureServices = configureServices;
        DataDirectory = Path.Combine(Path.GetTempPath(), "digest-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Digest:DataDirectory"] = DataDirectory,
            ["Digest:SeedSampleDigest"] = "false",
            ["Digest:WatchInbox"] = "false",
            ["Digest:IndexSyncInterval"] = "00:00:00.200",
            // Tests send hundreds of searches back to back from one address; the budget has tests of its own.
            ["Digest:Search:ClientSearchTimePerSecond"] = "00:00:00",
            // Hundreds of tests start a host: loading the 90 MB model and embedding in each would cost minutes.
            // Tests of semantic search pass Digest:Semantic:Enabled=true (see WithSemanticSearch).
            ["Digest:Semantic:Enabled"] = "false",
            // Tests never reach the real arXiv; the title lookup's tests point it at a recorded server.
            ["Digest:Arxiv:TitleLookup"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DataDirectory { get; }

    /// <summary>Settings that turn semantic search on (off by default in tests), merged with <paramref name="settings"/>.</summary>
    public static Dictionary<string, string?> WithSemanticSearch(IDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Digest:Semantic:Enabled"] = "true" };
        return merged;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_logs is not null) builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        if (_configureServices is not null) builder.ConfigureTestServices(_configureServices);
    }

    /// <summary>Ingests text in any supported format through the app's own ingest service.</summary>
    public async Task<IngestReport> IngestAsync(string name, string content, IngestRequest? request = null)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        var ingest = Services.GetRequiredService<IngestService>();
        return await ingest.IngestAsync([new IngestSource(name, () => new MemoryStream(bytes))], request ?? new IngestRequest { Origin = "test" });
    }

    /// <summary>Ingests the bundled sample digest (67 papers).</summary>
    public Task<IngestReport> IngestSampleAsync() =>
        Services.GetRequiredService<IngestService>().IngestAsync(
            [new IngestSource(SampleDigest.FileName, SampleDigest.Open)],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });

    /// <summary>
    /// Gives papers topics, as the taxonomy's assignment will once it runs during ingest: given slugs for the
    /// listed ids, or (<paramref name="topics"/> null) whatever <see cref="TopicAssigner"/> assigns. Then indexes them.
    /// </summary>
    public async Task AssignTopicsAsync(IReadOnlyDictionary<string, string[]>? topics = null)
    {
        var store = Services.GetRequiredService<PaperStore>();
        using var assigner = new TopicAssigner(Services.GetRequiredService<TaxonomyProvider>().Current);
        var changes = new List<(string Id, IReadOnlyList<string> Topics)>();
        await foreach (var paper in store.ReadAllAsync())
        {
            IReadOnlyList<string>? assigned = topics is null ? assigner.Assign(paper) : topics.GetValueOrDefault(paper.Id);
            if (assigned is { Count: > 0 }) changes.Add((paper.Id, assigned));
        }
        await using (var batch = await store.BeginBatchAsync())
        {
            await batch.UpdateTopicsAsync(changes);
            await batch.CommitAsync();
        }
        await Services.GetRequiredService<IndexSynchronizer>().CatchUpAsync();
    }

    /// <summary>The stored paper, for assertions.</summary>
    public Task<Paper?> GetPaperAsync(string id) => Services.GetRequiredService<PaperStore>().GetAsync(id);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Never hide a test's own failure behind clean-up.
        }
    }
}

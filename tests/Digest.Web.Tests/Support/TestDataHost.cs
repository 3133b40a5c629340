using Digest.Core.Composition;
using Digest.Core.Indexing;
using Digest.Core.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Web.Tests.Support;

/// <summary>
/// The Core services as a CLI verb gets them (no web server, no background services) on a data directory of the
/// test's own, configured through the same settings a self-hoster writes. Deletes the directory on dispose unless
/// another host shares it.
/// </summary>
public sealed class TestDataHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsDirectory;

    private TestDataHost(ServiceProvider services, string dataDirectory, bool ownsDirectory)
    {
        _services = services;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="settings">Settings as in appsettings (<c>Digest:Sources:0:Name</c>, ...).</param>
    /// <param name="dataDirectory">An existing data directory to open (kept on dispose); null: a new one (deleted on dispose).</param>
    /// <param name="ownIndex">Open the index (as a verb does when no app runs); false: as beside a running app.</param>
    public static async Task<TestDataHost> StartAsync(IDictionary<string, string?>? settings = null, string? dataDirectory = null, bool ownIndex = true)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "digest-web-tests", Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>
        {
            ["Digest:DataDirectory"] = dataDirectory,
            ["Digest:SeedSampleDigest"] = "false",
            ["Digest:Fetch:MinRequestSpacing"] = "00:00:00",
            ["Digest:Fetch:RetryBaseDelay"] = "00:00:00.010",
            ["Digest:Fetch:Timeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(all).Build());
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDigestCore();
        if (ownIndex) services.AddOwnedPaperIndex();
        else services.AddIndexOwnedElsewhere();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
        await provider.GetRequiredService<DigestInitializer>().InitializeAsync(seedSample: false);
        return new TestDataHost(provider, dataDirectory, owns);
    }

    /// <summary>The index when this host owns it; null when another process does.</summary>
    public PaperIndex? Index => (_services.GetRequiredService<IIndexOwnership>() as OwnedIndex)?.Index;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDirectory) return;
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

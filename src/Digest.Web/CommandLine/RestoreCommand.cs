using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Digest.Core.Text;

namespace Digest.Web.CommandLine;

/// <summary>
/// <c>restore FILE</c>: from a <c>.db</c> backup, replaces the store (only while the app is stopped) and rebuilds the
/// index; from a <c>.jsonl</c> export, ingests it (works while the app runs; papers not in the file are kept).
/// </summary>
public sealed class RestoreCommand : ICliCommand
{
    public string Verb => "restore";

    public string Usage => "restore FILE   (.db backup: replaces the store, app stopped; .jsonl export: ingested, app may run)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count != 1) throw new CliUsageException("give one backup file (.db) or export (.jsonl)");
        var path = arguments.Positional[0];
        if (!File.Exists(path)) throw new CliUsageException($"'{path}' does not exist");
        return path.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
            ? await RestoreDatabaseAsync(path, services, output, error, cancellationToken)
            : await RestoreExportAsync(path, services, output, cancellationToken);
    }

    private static async Task<int> RestoreDatabaseAsync(string path, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IIndexOwnership>() is not OwnedIndex owned)
        {
            // The index lock is held: the app is running, and would keep serving (and indexing) the store being replaced.
            await error.WriteLineAsync("digest restore: the app is running on this data directory (it holds the index lock). "
                + "Stop it first (docker stop digest), then run: docker run --rm -v digest-data:/data IMAGE restore FILE. "
                + "A .jsonl export can be restored while the app runs.");
            return 2;
        }
        try
        {
            await services.GetRequiredService<StoreBackup>().RestoreFromAsync(path, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync($"digest restore: {e.Message}");
            return 2;
        }
        // An older backup may predate migrations; its change numbers are unrelated to the index's checkpoint.
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var count = await owned.Synchronizer.RebuildAsync(cancellationToken);
        await output.WriteLineAsync($"Restored the store from {path}; index rebuilt: {CountPhrase.Of(count, "paper")}.");
        return 0;
    }

    private static async Task<int> RestoreExportAsync(string path, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var ingest = services.GetRequiredService<IngestService>();
        var report = await ingest.IngestAsync([IngestSource.FromFile(path)], new IngestRequest { Format = SourceFormat.JsonLines, Origin = "restore" }, cancellationToken: cancellationToken);
        await output.WriteAsync(report.ToText());
        await output.WriteLineAsync(ingest.IndexesItself
            ? "Restored from the export; the index is up to date."
            : "Restored from the export; the running app indexes these papers within seconds.");
        return report.ExitCode;
    }
}

using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Storage;
using Digest.Core.Text;
using Microsoft.Extensions.Options;

namespace Digest.Web.CommandLine;

/// <summary>
/// <c>backup [--out DIR]</c>: a consistent copy of the store (<c>digest-YYYYMMDD-HHMMSS.db</c>, SQLite online backup)
/// and a JSON Lines export beside it (<c>.jsonl</c>, readable by any version). Safe while the app runs and writes.
/// The index is not backed up: it is rebuilt from the store on restore.
/// </summary>
public sealed class BackupCommand : ICliCommand
{
    public string Verb => "backup";

    public string Usage => "backup [--out DIR]   (store copy + JSON Lines export; default DIR: backups/ in the data directory)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "out" };

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count > 0) throw new CliUsageException($"unexpected argument '{arguments.Positional[0]}'");
        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        var directory = arguments.Option("out") ?? Path.Combine(options.DataPath, "backups");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"digest-{DateTime.UtcNow:yyyyMMdd-HHmmss}");

        await services.GetRequiredService<StoreBackup>().BackupToAsync(stem + ".db", cancellationToken);

        // The export reads the copy, not the live store, so both files hold exactly the same papers.
        var copy = new PaperStore(new SqliteDatabase(stem + ".db"));
        var partial = stem + ".jsonl.part";
        await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            await PaperJsonLinesWriter.WriteAsync(writer, copy.ReadAllAsync(cancellationToken), cancellationToken);
        }
        File.Move(partial, stem + ".jsonl", overwrite: true);
        var count = await copy.CountAsync(cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await output.WriteLineAsync($"Backed up {CountPhrase.Of(count, "paper")} to {stem}.db and {stem}.jsonl");
        return 0;
    }
}

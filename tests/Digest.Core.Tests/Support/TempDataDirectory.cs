using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Core.Tests.Support;

/// <summary>A data directory of its own for one test: a real SQLite file and a real index folder, deleted afterwards.</summary>
public sealed class TempDataDirectory : IDisposable
{
    /// <param name="path">An existing (empty) folder to use, for example a small file system a test mounted; by default a new temp folder.</param>
    public TempDataDirectory(string? path = null)
    {
        Path = path ?? NewPath();
        Directory.CreateDirectory(Path);
        Options = new DigestOptions { DataDirectory = Path, SeedSampleDigest = false };
        Database = new SqliteDatabase(Options.DatabasePath);
        new DatabaseMigrator(Database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
        Store = new PaperStore(Database);
    }

    public string Path { get; }

    /// <summary>A fresh folder name under the tests' temp folder (not created).</summary>
    public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "digest-tests", Guid.NewGuid().ToString("N"));

    public DigestOptions Options { get; }

    public IOptions<DigestOptions> OptionsWrapper => Microsoft.Extensions.Options.Options.Create(Options);

    public SqliteDatabase Database { get; }

    public PaperStore Store { get; }

    public PaperIndex OpenIndex() => new(Options.IndexPath, NullLogger<PaperIndex>.Instance);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failing test must not hide its real failure.
        }
    }
}

using Dapper;
using Digest.Core.Storage.Migrations;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Storage;

/// <summary>Brings the store to the current schema at start-up. The version lives in <c>PRAGMA user_version</c>.</summary>
public sealed class DatabaseMigrator(SqliteDatabase database, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Applies every migration newer than the store, each in its own transaction; returns the resulting version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(database.DatabasePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        await using var connection = await database.OpenAsync(cancellationToken);
        // WAL lets readers (the web app) go on while a writer (an ingest, maybe another process) commits.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        var version = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;");
        var latest = Schema.All[^1].Version;
        if (version > latest)
        {
            throw new InvalidOperationException($"The store at {database.DatabasePath} has schema version {version}, newer than this build knows ({latest}). Use a newer Digest.");
        }

        foreach (var migration in Schema.All.Where(m => m.Version > version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            // PRAGMA does not take parameters; the version is our own integer constant.
            await connection.ExecuteAsync($"PRAGMA user_version = {migration.Version};", transaction: transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Store migrated to version {Version}: {Description}", migration.Version, migration.Description);
            version = migration.Version;
        }
        return version;
    }
}

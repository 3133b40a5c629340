using Dapper;
using Digest.Core.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Storage;

/// <summary>
/// Copies the store with SQLite's online backup: a consistent snapshot of the last commit, taken while the app and
/// other processes go on reading and writing (the copy waits for a write in progress, never sees half of one).
/// </summary>
public sealed class StoreBackup(SqliteDatabase database)
{
    /// <summary>Writes a consistent copy of the store to <paramref name="targetPath"/> (replaced atomically when it exists).</summary>
    public async Task BackupToAsync(string targetPath, CancellationToken cancellationToken = default)
    {
        var partial = targetPath + ".part";
        File.Delete(partial);
        await using (var source = await database.OpenAsync(cancellationToken))
        await using (var target = OpenFile(partial, SqliteOpenMode.ReadWriteCreate))
        {
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            // The copy keeps the source's WAL mode; fold it into one self-contained file.
            await target.ExecuteAsync("PRAGMA journal_mode = DELETE;");
        }
        File.Move(partial, targetPath, overwrite: true);
    }

    /// <summary>
    /// Replaces the store's contents with the backup at <paramref name="backupPath"/>, in one transaction of the live
    /// store (readers see the old or the new store, never a mix). The caller migrates and rebuilds the index afterwards.
    /// </summary>
    /// <exception cref="InvalidDataException">the file is not a Digest store, is damaged, or is newer than this build.</exception>
    public async Task RestoreFromAsync(string backupPath, CancellationToken cancellationToken = default)
    {
        await using var backup = OpenFile(backupPath, SqliteOpenMode.ReadOnly);
        try
        {
            await backup.OpenAsync(cancellationToken);
            var check = await backup.ExecuteScalarAsync<string>("PRAGMA quick_check;");
            if (check != "ok") throw new InvalidDataException($"{backupPath} is damaged: {check}");
            var version = await backup.ExecuteScalarAsync<int>("PRAGMA user_version;");
            var hasPapers = await backup.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'papers'");
            if (version < 1 || hasPapers == 0) throw new InvalidDataException($"{backupPath} is not a Digest store backup");
            if (version > Schema.All[^1].Version) throw new InvalidDataException($"{backupPath} has schema version {version}, newer than this build knows; use a newer Digest");
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{backupPath} is not a readable SQLite database: {e.Message}", e);
        }

        await using var store = await database.OpenAsync(cancellationToken);
        backup.BackupDatabase(store);
    }

    private static SqliteConnection OpenFile(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
}

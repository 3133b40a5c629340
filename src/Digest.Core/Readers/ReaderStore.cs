using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Readers;

/// <summary>Reader accounts in the store. Addresses are normalised by the caller (<see cref="Subscriptions.EmailAddress"/>).</summary>
public sealed class ReaderStore(SqliteDatabase database)
{
    private const string ByIdSql = $"SELECT {ReaderRow.Columns} FROM readers WHERE id = @id";

    public async Task<Reader?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReaderRow>(new CommandDefinition(ByIdSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToReader();
    }

    private const string ByEmailSql = $"SELECT {ReaderRow.Columns} FROM readers WHERE email = @email";

    public async Task<Reader?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReaderRow>(new CommandDefinition(ByEmailSql, new { email }, cancellationToken: cancellationToken));
        return row?.ToReader();
    }

    // An existing reader keeps their account; --admin promotes but never demotes.
    private const string EnsureSql = $"""
        INSERT INTO readers (email, is_admin, created_at) VALUES (@email, @admin, @now)
        ON CONFLICT (email) DO UPDATE SET is_admin = MAX(is_admin, excluded.is_admin)
        RETURNING {ReaderRow.Columns}
        """;

    /// <summary>The reader with <paramref name="email"/>, created when new; <paramref name="admin"/> makes them an admin.</summary>
    public async Task<Reader> EnsureAsync(string email, bool admin, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<ReaderRow>(new CommandDefinition(EnsureSql, new { email, admin = admin ? 1 : 0, now = StoreTime.Format(now) }, cancellationToken: cancellationToken));
        return row.ToReader();
    }

    private const string ListSql = $"SELECT {ReaderRow.Columns} FROM readers ORDER BY email LIMIT @limit";

    /// <summary>Readers by address, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Reader>> ListAsync(int limit = 1_000, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReaderRow>(new CommandDefinition(ListSql, new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReader()).ToList();
    }

    private const string CountSql = "SELECT COUNT(*) FROM readers";

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, cancellationToken: cancellationToken));
    }

    private const string SignedInSql = "UPDATE readers SET last_signed_in = @now WHERE id = @id";

    public async Task RecordSignInAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SignedInSql, new { id, now = StoreTime.Format(now) }, cancellationToken: cancellationToken));
    }
}

using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Readers;

/// <summary>
/// Signed-in browsers. The cookie holds a random session id; the store keeps its hash, the reader and the expiry. A
/// session counts only while its reader is not disabled, so disabling takes effect on the next request.
/// </summary>
public sealed class ReaderSessions(SqliteDatabase database)
{
    private const string CreateSql = """
        DELETE FROM reader_sessions WHERE expires_at <= @now;
        INSERT INTO reader_sessions (id_hash, reader_id, created_at, expires_at, last_seen_at) VALUES (@hash, @readerId, @now, @expires, @now);
        """;

    /// <summary>A new session for <paramref name="readerId"/> lasting <paramref name="lifetime"/>; returns the id for the cookie.</summary>
    public async Task<string> CreateAsync(long readerId, TimeSpan lifetime, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = SecretToken.Create();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateSql, new
        {
            hash = SecretToken.Hash(id),
            readerId,
            now = StoreTime.Format(now),
            expires = StoreTime.Format(now + lifetime),
        }, cancellationToken: cancellationToken));
        return id;
    }

    private const string FindSql = $"""
        SELECT {ReaderRow.Columns} FROM readers
        WHERE disabled_at IS NULL
          AND id = (SELECT reader_id FROM reader_sessions WHERE id_hash = @hash AND expires_at > @now)
        """;

    /// <summary>The reader a live session id belongs to, or null (unknown, expired, signed out, or the reader is disabled).</summary>
    public async Task<Reader?> FindAsync(string? sessionId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (SecretToken.Hash(sessionId) is not { } hash) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReaderRow>(new CommandDefinition(FindSql, new { hash, now = StoreTime.Format(now) }, cancellationToken: cancellationToken));
        return row?.ToReader();
    }

    private const string DeleteSql = "DELETE FROM reader_sessions WHERE id_hash = @hash";

    /// <summary>Signs this browser out.</summary>
    public async Task DeleteAsync(string? sessionId, CancellationToken cancellationToken = default)
    {
        if (SecretToken.Hash(sessionId) is not { } hash) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { hash }, cancellationToken: cancellationToken));
    }

    private const string DeleteAllSql = "DELETE FROM reader_sessions WHERE reader_id = @readerId";

    /// <summary>Signs the reader out everywhere; returns how many sessions ended.</summary>
    public async Task<int> DeleteAllAsync(long readerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteAllSql, new { readerId }, cancellationToken: cancellationToken));
    }

    private const string CountSql = "SELECT COUNT(*) FROM reader_sessions WHERE reader_id = @readerId AND expires_at > @now";

    /// <summary>How many live sessions the reader has.</summary>
    public async Task<int> CountAsync(long readerId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { readerId, now = StoreTime.Format(now) }, cancellationToken: cancellationToken));
    }
}

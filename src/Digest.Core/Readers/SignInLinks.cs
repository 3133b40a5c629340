using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Readers;

/// <summary>One-time sign-in links: a token that works once, until it expires, for a reader who is not disabled.</summary>
public sealed class SignInLinks(SqliteDatabase database)
{
    private const string CreateSql = """
        DELETE FROM sign_in_links WHERE expires_at <= @now OR used_at IS NOT NULL;
        INSERT INTO sign_in_links (token_hash, reader_id, created_at, expires_at) VALUES (@hash, @readerId, @now, @expires);
        """;

    /// <summary>A new token for <paramref name="readerId"/>, valid for <paramref name="lifetime"/>. Spent and expired links are cleared on the way.</summary>
    public async Task<string> CreateAsync(long readerId, TimeSpan lifetime, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var token = SecretToken.Create();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateSql, new
        {
            hash = SecretToken.Hash(token),
            readerId,
            now = StoreTime.Format(now),
            expires = StoreTime.Format(now + lifetime),
        }, cancellationToken: cancellationToken));
        return token;
    }

    // One statement marks the link used and answers with its reader, so two clicks at once sign in at most once.
    private const string RedeemSql = """
        UPDATE sign_in_links SET used_at = @now
        WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now
          AND reader_id IN (SELECT id FROM readers WHERE disabled_at IS NULL)
        RETURNING reader_id
        """;

    /// <summary>Spends the token: the reader it signs in, or null (unknown, used, expired, or the reader is disabled: one answer).</summary>
    public async Task<long?> RedeemAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (SecretToken.Hash(token) is not { } hash) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(RedeemSql, new { hash, now = StoreTime.Format(now) }, cancellationToken: cancellationToken));
    }

    private const string IsUsableSql = """
        SELECT COUNT(*) FROM sign_in_links
        WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now
          AND reader_id IN (SELECT id FROM readers WHERE disabled_at IS NULL)
        """;

    /// <summary>Whether the token would sign someone in now, without spending it (the page a link opens asks before signing in).</summary>
    public async Task<bool> IsUsableAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (SecretToken.Hash(token) is not { } hash) return false;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(IsUsableSql, new { hash, now = StoreTime.Format(now) }, cancellationToken: cancellationToken)) > 0;
    }
}

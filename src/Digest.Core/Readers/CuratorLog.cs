using System.Data;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Readers;

/// <summary>The audit trail of curator actions. Rows are only ever added.</summary>
public sealed class CuratorLog(SqliteDatabase database)
{
    /// <summary>The curator id of actions taken with the CLI (<c>users</c>), where nobody is signed in; no reader has it.</summary>
    public const long CommandLineCurator = 0;

    internal const string RecordSql = """
        INSERT INTO curator_actions (reader_id, action, target, detail, at) VALUES (@curatorId, @action, @target, @detail, @at)
        """;

    /// <summary>Records an action on its own (when the action's writes were another component's transaction).</summary>
    public async Task RecordAsync(long curatorId, string action, string target, string? detail, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await RecordAsync(connection, null, curatorId, action, target, detail, at);
    }

    /// <summary>Records an action inside the transaction that performs it, so neither exists without the other.</summary>
    internal static Task RecordAsync(IDbConnection connection, IDbTransaction? transaction, long curatorId, string action, string target, string? detail, DateTimeOffset at) =>
        connection.ExecuteAsync(RecordSql, new { curatorId, action, target, detail, at = StoreTime.Format(at) }, transaction);

    private const string RecentSql = """
        SELECT a.id AS Id, a.reader_id AS CuratorId,
               CASE WHEN a.reader_id = @commandLine THEN 'command line' ELSE COALESCE(r.email, '(deleted)') END AS CuratorEmail, a.action AS Action,
               a.target AS Target, a.detail AS Detail, a.at AS At
        FROM curator_actions a LEFT JOIN readers r ON r.id = a.reader_id
        ORDER BY a.id DESC LIMIT @limit
        """;

    /// <summary>The newest actions first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CuratorAction>> RecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long CuratorId, string CuratorEmail, string Action, string Target, string? Detail, string At)>(
            new CommandDefinition(RecentSql, new { limit, commandLine = CommandLineCurator }, cancellationToken: cancellationToken));
        return rows.Select(r => new CuratorAction(r.Id, r.CuratorId, r.CuratorEmail, r.Action, r.Target, r.Detail, StoreTime.Parse(r.At))).ToList();
    }
}

using System.Globalization;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Sources;

/// <summary>Persists each remote source's last success and last error, so they survive restarts and show in <c>stats</c> and <c>/readyz</c>.</summary>
public sealed class SourceStatusStore(SqliteDatabase database)
{
    private const string AllSql = """
        SELECT name AS Name, last_attempt_at AS LastAttemptAt, last_success_at AS LastSuccessAt, last_error AS LastError,
               last_error_at AS LastErrorAt, consecutive_failures AS ConsecutiveFailures, last_added AS LastAdded, last_updated AS LastUpdated
        FROM source_status ORDER BY name
        """;

    public async Task<IReadOnlyList<SourceStatus>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SourceStatus>(new CommandDefinition(AllSql, cancellationToken: cancellationToken))).AsList();
    }

    private const string SuccessSql = """
        INSERT INTO source_status (name, last_attempt_at, last_success_at, consecutive_failures, last_added, last_updated)
        VALUES (@name, @at, @at, 0, @added, @updated)
        ON CONFLICT (name) DO UPDATE SET last_attempt_at = @at, last_success_at = @at, consecutive_failures = 0,
            last_added = @added, last_updated = @updated
        """;

    /// <summary>Records a fetch that was ingested; the last error stays visible (with its time) for diagnosis.</summary>
    public async Task RecordSuccessAsync(string name, DateTimeOffset at, int added, int updated, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SuccessSql, new { name, at = Format(at), added, updated }, cancellationToken: cancellationToken));
    }

    private const string FailureSql = """
        INSERT INTO source_status (name, last_attempt_at, last_error, last_error_at, consecutive_failures)
        VALUES (@name, @at, @error, @at, 1)
        ON CONFLICT (name) DO UPDATE SET last_attempt_at = @at, last_error = @error, last_error_at = @at,
            consecutive_failures = consecutive_failures + 1
        """;

    /// <summary>Records a fetch that failed; nothing of it was ingested.</summary>
    public async Task RecordFailureAsync(string name, DateTimeOffset at, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FailureSql, new { name, at = Format(at), error }, cancellationToken: cancellationToken));
    }

    /// <summary>Parses a stored timestamp.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    private static string Format(DateTimeOffset value) => PaperRow.FormatTimestamp(value);
}

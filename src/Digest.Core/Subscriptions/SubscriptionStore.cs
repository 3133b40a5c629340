using System.Security.Cryptography;
using Dapper;
using Digest.Core.Configuration;
using Digest.Core.Storage;

namespace Digest.Core.Subscriptions;

/// <summary>
/// Subscriptions, their sends and the papers each was mailed, in the SQLite store. A digest's papers and its send
/// record are written in one transaction (<see cref="RecordSendAsync"/>), so a crash never leaves one without the other.
/// </summary>
public sealed class SubscriptionStore(SqliteDatabase database)
{
    private const string ByIdSql = $"SELECT {SubscriptionRow.Columns} FROM subscriptions WHERE id = @id";

    /// <summary>The subscription with <paramref name="id"/>, or null.</summary>
    public async Task<Subscription?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(ByIdSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    private const string ByEmailAndViewSql = $"SELECT {SubscriptionRow.Columns} FROM subscriptions WHERE email = @email AND view = @view";

    /// <summary>The subscription of <paramref name="email"/> (normalised) to <paramref name="view"/>, or null.</summary>
    public async Task<Subscription?> FindAsync(string email, string view, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(ByEmailAndViewSql, new { email, view }, cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    private const string CountByEmailSql = "SELECT count(*) FROM subscriptions WHERE email = @email";

    /// <summary>How many subscriptions (pending or confirmed) <paramref name="email"/> holds.</summary>
    public async Task<int> CountByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountByEmailSql, new { email }, cancellationToken: cancellationToken));
    }

    private const string ByEmailSql = $"SELECT {SubscriptionRow.Columns} FROM subscriptions WHERE email = @email ORDER BY id";

    /// <summary>Every subscription of <paramref name="email"/> (normalised).</summary>
    public async Task<IReadOnlyList<Subscription>> ListByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(ByEmailSql, new { email }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).ToList();
    }

    private const string AllSql = $"SELECT {SubscriptionRow.Columns} FROM subscriptions ORDER BY email, id";

    /// <summary>Every subscription, by address.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(AllSql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).ToList();
    }

    private const string InsertSql = """
        INSERT INTO subscriptions (email, view, title, frequency, status, nonce, created_at)
        VALUES (@email, @view, @title, @frequency, 'pending', @nonce, @now)
        RETURNING id
        """;

    /// <summary>Adds a pending subscription and returns it.</summary>
    public async Task<Subscription> AddPendingAsync(string email, string view, string title, SubscriptionFrequency frequency, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql,
            new { email, view, title, frequency = SubscriptionRow.Text(frequency), nonce = NewNonce(), now = SubscriptionRow.Time(now) }, cancellationToken: cancellationToken));
        return (await GetAsync(id, cancellationToken))!;
    }

    private const string RenewSql = "UPDATE subscriptions SET frequency = @frequency, created_at = @now WHERE id = @id AND status = 'pending'";

    /// <summary>Restarts a pending subscription's clock (it expires <see cref="EmailOptions.ConfirmationLifetime"/> after this) and sets its frequency; null when it is no longer pending.</summary>
    public async Task<Subscription?> RenewPendingAsync(long id, SubscriptionFrequency frequency, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(RenewSql, new { id, frequency = SubscriptionRow.Text(frequency), now = SubscriptionRow.Time(now) }, cancellationToken: cancellationToken));
            if (changed == 0) return null;
        }
        return await GetAsync(id, cancellationToken);
    }

    private const string ConfirmSql = "UPDATE subscriptions SET status = 'active', confirmed_at = @now WHERE id = @id AND status = 'pending'";

    private const string BaselineSql = """
        INSERT INTO subscription_sends (subscription_id, period, sent_at, papers) VALUES (@id, @period, @now, 0)
        ON CONFLICT (subscription_id, period) DO NOTHING
        """;

    /// <summary>
    /// Confirms a pending subscription. The period it is confirmed in counts as sent with nothing (its baseline), and
    /// only papers first stored after <paramref name="now"/> are ever mailed: the first digest lists what is new since
    /// confirming. Returns false when it was not pending (already confirmed, or gone).
    /// </summary>
    public async Task<bool> ConfirmAsync(long id, DateTimeOffset now, string period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(ConfirmSql, new { id, now = SubscriptionRow.Time(now) }, transaction, cancellationToken: cancellationToken));
        if (changed == 0) return false;
        await connection.ExecuteAsync(new CommandDefinition(BaselineSql, new { id, period, now = SubscriptionRow.Time(now) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string FrequencySql = "UPDATE subscriptions SET frequency = @frequency WHERE id = @id";

    /// <summary>Changes how often the digest is sent.</summary>
    public async Task SetFrequencyAsync(long id, SubscriptionFrequency frequency, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FrequencySql, new { id, frequency = SubscriptionRow.Text(frequency) }, cancellationToken: cancellationToken));
    }

    private const string PauseSql = "UPDATE subscriptions SET status = @status WHERE id = @id AND status IN ('active', 'paused')";

    /// <summary>Pauses or resumes a confirmed subscription (a pending one stays pending).</summary>
    public async Task SetPausedAsync(long id, bool paused, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var status = SubscriptionRow.Text(paused ? SubscriptionStatus.Paused : SubscriptionStatus.Active);
        await connection.ExecuteAsync(new CommandDefinition(PauseSql, new { id, status }, cancellationToken: cancellationToken));
    }

    private const string DeleteSql = "DELETE FROM subscriptions WHERE id = @id";

    /// <summary>Deletes a subscription with its send history.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { id }, cancellationToken: cancellationToken)) > 0;
    }

    private const string DeleteByEmailSql = "DELETE FROM subscriptions WHERE email = @email";

    /// <summary>Deletes every subscription of <paramref name="email"/> (normalised); returns how many.</summary>
    public async Task<int> DeleteByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteByEmailSql, new { email }, cancellationToken: cancellationToken));
    }

    private const string DeleteExpiredPendingSql = "DELETE FROM subscriptions WHERE status = 'pending' AND created_at < @before";

    /// <summary>Forgets pending subscriptions whose confirmation link has expired, so they stop counting against the address's cap.</summary>
    public async Task<int> DeleteExpiredPendingAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteExpiredPendingSql, new { before = SubscriptionRow.Time(before) }, cancellationToken: cancellationToken));
    }

    private const string DueSql = $"""
        SELECT {SubscriptionRow.Columns} FROM subscriptions
        WHERE status = 'active'
          AND (retry_at IS NULL OR retry_at <= @now)
          AND (lease_until IS NULL OR lease_until <= @now)
          AND NOT EXISTS (SELECT 1 FROM subscription_sends s
                          WHERE s.subscription_id = subscriptions.id
                            AND s.period = CASE subscriptions.frequency WHEN 'daily' THEN @daily ELSE @weekly END)
        ORDER BY id
        """;

    /// <summary>Confirmed subscriptions with no send in their current period and no retry pending: the ones a run mails.</summary>
    public async Task<IReadOnlyList<Subscription>> ListDueAsync(DateTimeOffset now, string dailyPeriod, string weeklyPeriod, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(DueSql,
            new { now = SubscriptionRow.Time(now), daily = dailyPeriod, weekly = weeklyPeriod }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).ToList();
    }

    private const string LeaseSql = """
        UPDATE subscriptions SET lease_until = @until
        WHERE id = @id AND status = 'active' AND (lease_until IS NULL OR lease_until <= @now)
          AND NOT EXISTS (SELECT 1 FROM subscription_sends s WHERE s.subscription_id = @id AND s.period = @period)
        """;

    /// <summary>
    /// Takes a subscription for one send, so that the app and a CLI <c>send-now</c> running together never both mail
    /// it. A holder killed mid-send loses the lease at <paramref name="until"/>, and the digest is tried again then.
    /// </summary>
    public async Task<bool> TryLeaseAsync(long id, string period, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(LeaseSql,
            new { id, period, now = SubscriptionRow.Time(now), until = SubscriptionRow.Time(until) }, cancellationToken: cancellationToken)) == 1;
    }

    private const string SentAmongSql = "SELECT paper_id FROM subscription_papers WHERE subscription_id = @id AND paper_id IN @ids";

    /// <summary>Which of <paramref name="paperIds"/> were already mailed to the subscription.</summary>
    public async Task<IReadOnlySet<string>> AlreadySentAsync(long id, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        if (paperIds.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var sent = await connection.QueryAsync<string>(new CommandDefinition(SentAmongSql, new { id, ids = paperIds }, cancellationToken: cancellationToken));
        return sent.ToHashSet(StringComparer.Ordinal);
    }

    private const string FirstSeenAfterSql = "SELECT id FROM papers WHERE id IN @ids AND first_seen > @since";

    /// <summary>Which of <paramref name="paperIds"/> were first stored after <paramref name="since"/>.</summary>
    public async Task<IReadOnlySet<string>> FirstStoredAfterAsync(IReadOnlyCollection<string> paperIds, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        if (paperIds.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(FirstSeenAfterSql, new { ids = paperIds, since = SubscriptionRow.Time(since) }, cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    private const string InsertSendSql = """
        INSERT INTO subscription_sends (subscription_id, period, sent_at, papers) VALUES (@id, @period, @now, @papers)
        RETURNING id
        """;

    private const string InsertPaperSql = "INSERT OR IGNORE INTO subscription_papers (subscription_id, paper_id, send_id) VALUES (@id, @paperId, @sendId)";

    private const string SentSql = """
        UPDATE subscriptions SET last_sent_at = CASE WHEN @papers > 0 THEN @now ELSE last_sent_at END,
            failures = 0, retry_at = NULL, lease_until = NULL
        WHERE id = @id
        """;

    /// <summary>
    /// Records the period's send and the papers it listed, in one transaction: after this, the period is done and the
    /// papers are never mailed to this subscription again. <paramref name="paperIds"/> empty records "nothing new".
    /// </summary>
    public async Task RecordSendAsync(long id, string period, DateTimeOffset now, IReadOnlyList<string> paperIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = SubscriptionRow.Time(now);
        var sendId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSendSql, new { id, period, now = at, papers = paperIds.Count }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertPaperSql, paperIds.Select(paperId => new { id, paperId, sendId }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SentSql, new { id, now = at, papers = paperIds.Count }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private const string FailureSql = """
        UPDATE subscriptions SET failures = failures + 1, last_error = @error, last_error_at = @now, retry_at = @retryAt, lease_until = NULL
        WHERE id = @id
        """;

    /// <summary>Records a send the SMTP server did not take; the run after <paramref name="retryAt"/> tries again.</summary>
    public async Task RecordFailureAsync(long id, DateTimeOffset now, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FailureSql,
            new { id, now = SubscriptionRow.Time(now), error, retryAt = SubscriptionRow.Time(retryAt) }, cancellationToken: cancellationToken));
    }

    private const string EarliestRetrySql = "SELECT min(retry_at) FROM subscriptions WHERE status = 'active' AND retry_at IS NOT NULL";

    /// <summary>The earliest pending retry, so the scheduler wakes for it.</summary>
    public async Task<DateTimeOffset?> EarliestRetryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var text = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(EarliestRetrySql, cancellationToken: cancellationToken));
        return SubscriptionRow.Parse(text);
    }

    private const string StatsSql = """
        SELECT
            (SELECT count(*) FROM subscriptions WHERE status = 'pending') AS Pending,
            (SELECT count(*) FROM subscriptions WHERE status = 'active') AS Active,
            (SELECT count(*) FROM subscriptions WHERE status = 'paused') AS Paused,
            (SELECT count(*) FROM subscription_sends WHERE papers > 0) AS DigestsSent,
            (SELECT max(sent_at) FROM subscription_sends WHERE papers > 0) AS LastSentAt,
            (SELECT count(*) FROM subscriptions WHERE failures > 0) AS Failing,
            (SELECT last_error FROM subscriptions WHERE failures > 0 ORDER BY last_error_at DESC LIMIT 1) AS LastError,
            (SELECT max(last_error_at) FROM subscriptions WHERE failures > 0) AS LastErrorAt
        """;

    /// <summary>Counts by state, digests sent and current failures.</summary>
    public async Task<SubscriptionStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<SubscriptionStats>(new CommandDefinition(StatsSql, cancellationToken: cancellationToken));
    }

    private static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Submissions;

/// <summary>The <c>submissions</c> table: which reader put which paper on which digest day. One row per paper and day.</summary>
public sealed class SubmissionStore(SqliteDatabase database)
{
    private const string SelectColumns = """
        SELECT s.paper_id AS PaperId, s.day AS Day, s.reader_id AS ReaderId, r.email AS ReaderEmail, s.submitted_at AS SubmittedAt
        FROM submissions s JOIN readers r ON r.id = s.reader_id
        """;

    private const string FindSql = $"{SelectColumns} WHERE s.paper_id = @paperId AND s.day = @day";

    /// <summary>The submission of this paper for this day, or null.</summary>
    public async Task<Submission?> FindAsync(string paperId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubmissionRow>(new CommandDefinition(FindSql, new { paperId, day = Day(day) }, cancellationToken: cancellationToken));
        return row?.ToSubmission();
    }

    // The UNIQUE (paper_id, day) key decides between two readers submitting at once: the second INSERT does nothing.
    private const string TryAddSql = """
        INSERT INTO submissions (paper_id, day, reader_id, submitted_at) VALUES (@paperId, @day, @readerId, @submittedAt)
        ON CONFLICT (paper_id, day) DO NOTHING
        """;

    /// <summary>Records the submission; false when the paper already has one for this day (the existing row stays).</summary>
    public async Task<bool> TryAddAsync(string paperId, DateOnly day, long readerId, DateTimeOffset submittedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(TryAddSql,
            new { paperId, day = Day(day), readerId, submittedAt = PaperRow.FormatTimestamp(submittedAt) }, cancellationToken: cancellationToken));
        return rows == 1;
    }

    private const string IsDayRemovedSql = "SELECT EXISTS (SELECT 1 FROM digest_day_removals WHERE paper_id = @paperId AND day = @day)";

    /// <summary>Whether a curator took the paper off this day.</summary>
    public async Task<bool> IsDayRemovedAsync(string paperId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsDayRemovedSql, new { paperId, day = Day(day) }, cancellationToken: cancellationToken));
    }

    private const string ForDaySql = $"{SelectColumns} WHERE s.day = @day";

    /// <summary>The day's submissions by paper id ("submitted by" on the day's digest).</summary>
    public async Task<IReadOnlyDictionary<string, Submission>> ListForDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubmissionRow>(new CommandDefinition(ForDaySql, new { day = Day(day) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubmission()).ToDictionary(s => s.PaperId, StringComparer.Ordinal);
    }

    private const string ByReaderSql = $"{SelectColumns} WHERE s.reader_id = @readerId ORDER BY s.submitted_at DESC, s.id DESC";

    /// <summary>A reader's submissions, newest first.</summary>
    public async Task<IReadOnlyList<Submission>> ListByReaderAsync(long readerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubmissionRow>(new CommandDefinition(ByReaderSql, new { readerId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubmission()).ToList();
    }

    private const string DeleteByReaderSql = $"""
        {SelectColumns} WHERE s.reader_id = @readerId ORDER BY s.submitted_at, s.id;
        DELETE FROM submissions WHERE reader_id = @readerId;
        """;

    /// <summary>Deletes a reader's submissions inside <paramref name="batch"/>'s transaction and returns them.</summary>
    internal static async Task<IReadOnlyList<Submission>> DeleteByReaderAsync(PaperStoreBatch batch, long readerId)
    {
        var (connection, transaction) = batch.Session;
        using var results = await connection.QueryMultipleAsync(DeleteByReaderSql, new { readerId }, transaction);
        return (await results.ReadAsync<SubmissionRow>()).Select(r => r.ToSubmission()).ToList();
    }

    private static string Day(DateOnly day) => PaperRow.FormatDate(day)!;
}

using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Tests.Support;

/// <summary>
/// Sets a paper's reader votes the way the vote code will: the count on the paper and a new change number, so the
/// index's catch-up re-indexes it. Tests only; trending reads votes, it never writes them.
/// </summary>
public static class ReaderVotesSetter
{
    private const string SetSql = """
        UPDATE papers SET reader_votes = @votes, change_seq = (
            SELECT MAX(COALESCE((SELECT MAX(change_seq) FROM papers), 0), COALESCE((SELECT MAX(change_seq) FROM index_deletions), 0)) + 1)
        WHERE id = @id
        """;

    public static async Task SetAsync(SqliteDatabase database, string paperId, int votes)
    {
        await using var connection = await database.OpenAsync();
        var changed = await connection.ExecuteAsync(SetSql, new { id = paperId, votes });
        if (changed != 1) throw new InvalidOperationException($"No paper {paperId} to vote for.");
    }
}

namespace Digest.Core.Storage;

/// <summary>
/// The one rule for a paper's reader votes: votes of readers who are not disabled. Run inside a store batch: by votes,
/// by disabling a reader, and by a re-key, which moves a paper's votes to its new id.
/// </summary>
internal static class ReaderVoteCount
{
    /// <summary>Recounts the papers in the JSON array <c>@ids</c> and gives them the batch's change number <c>@seq</c>, so the index re-reads them.</summary>
    public const string RecountSql = """
        UPDATE papers SET
            reader_votes = (SELECT COUNT(*) FROM paper_votes v JOIN readers r ON r.id = v.reader_id
                            WHERE v.paper_id = papers.id AND r.disabled_at IS NULL),
            change_seq = @seq
        WHERE id IN (SELECT value FROM json_each(@ids))
        """;
}

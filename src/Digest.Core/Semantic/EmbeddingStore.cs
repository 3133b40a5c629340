using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Semantic;

/// <summary>
/// Paper embeddings in the store of record (<c>paper_embeddings</c>, one row per paper, deleted with it), so that a
/// restart or a reindex never recomputes them. A row is current when it was checked at the paper's latest change and
/// by the configured model; a paper changed in anything but its title and abstract is re-stamped without a model run.
/// </summary>
public sealed class EmbeddingStore(SqliteDatabase database, TimeProvider timeProvider)
{
    // Walks papers newest first through papers_published, probing each one's embedding by its key: with most papers
    // embedded the walk stops at the first few pending ones instead of sorting the whole table.
    private const string PendingSql = """
        SELECT p.id AS Id, p.title AS Title, p.abstract AS Abstract, p.change_seq AS ChangeSeq,
               e.model AS Model, e.fingerprint AS Fingerprint
        FROM papers p LEFT JOIN paper_embeddings e ON e.paper_id = p.id
        WHERE e.paper_id IS NULL OR e.paper_seq < p.change_seq OR e.model <> @model
        ORDER BY p.published DESC, p.id DESC
        LIMIT @limit
        """;

    /// <summary>Up to <paramref name="limit"/> papers lacking a current embedding by <paramref name="model"/>, newest publication first.</summary>
    public async Task<IReadOnlyList<PendingPaper>> ReadPendingAsync(string model, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PendingPaper>(new CommandDefinition(PendingSql, new { model, limit }, cancellationToken: cancellationToken))).AsList();
    }

    private const string UpsertSql = """
        INSERT INTO paper_embeddings (paper_id, model, fingerprint, paper_seq, scale, vector, embedded_at)
        SELECT @PaperId, @Model, @Fingerprint, @PaperSeq, @Scale, @Vector, @EmbeddedAt
        WHERE EXISTS (SELECT 1 FROM papers WHERE id = @PaperId)
        ON CONFLICT (paper_id) DO UPDATE SET
            model = excluded.model, fingerprint = excluded.fingerprint, paper_seq = excluded.paper_seq,
            scale = excluded.scale, vector = excluded.vector, embedded_at = excluded.embedded_at
        """;

    private const string RestampSql = "UPDATE paper_embeddings SET paper_seq = @PaperSeq WHERE paper_id = @PaperId";

    /// <summary>
    /// Writes new embeddings and re-stamps unchanged ones, in one transaction. A paper deleted (merged away) since it was
    /// read is skipped, so no orphan row appears.
    /// </summary>
    public async Task SaveAsync(IReadOnlyCollection<PaperEmbedding> embeddings, IReadOnlyCollection<(string PaperId, long PaperSeq)> restamped, CancellationToken cancellationToken = default)
    {
        if (embeddings.Count == 0 && restamped.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var rows = embeddings.Select(e => new
        {
            e.PaperId,
            e.Model,
            e.Fingerprint,
            e.PaperSeq,
            Scale = (double)e.Vector.Scale,
            Vector = MemoryMarshal.AsBytes(e.Vector.Values.AsSpan()).ToArray(),
            EmbeddedAt = now,
        }).ToList();
        if (rows.Count > 0) await connection.ExecuteAsync(new CommandDefinition(UpsertSql, rows, transaction, cancellationToken: cancellationToken));
        if (restamped.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(RestampSql, restamped.Select(r => new { r.PaperId, r.PaperSeq }).ToList(), transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private const string MarkAllForCheckSql = "UPDATE paper_embeddings SET paper_seq = -1";

    /// <summary>Makes every stored embedding pending, to be re-checked against its fingerprint (the text recipe changed).</summary>
    public async Task MarkAllForCheckAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(MarkAllForCheckSql, cancellationToken: cancellationToken));
    }

    private const string AllSql = "SELECT paper_id, scale, vector FROM paper_embeddings WHERE model = @model AND length(vector) > 0";

    /// <summary>Every stored vector by <paramref name="model"/>, streamed (loading the in-memory index at start).</summary>
    public async IAsyncEnumerable<(string PaperId, QuantizedVector Vector)> ReadAllAsync(string model, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = AllSql;
        command.Parameters.AddWithValue("@model", model);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bytes = (byte[])reader.GetValue(2);
            yield return (reader.GetString(0), new QuantizedVector(MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(), (float)reader.GetDouble(1)));
        }
    }

    private const string ProgressSql = """
        SELECT (SELECT COUNT(*) FROM papers) AS Papers,
               (SELECT COUNT(*) FROM paper_embeddings WHERE model = @model) AS Embedded,
               (SELECT COUNT(*) FROM paper_embeddings WHERE model = @model AND embedded_at >= @since) AS Recent
        """;

    /// <summary>
    /// Progress as the store sees it, for a process that does not embed (the <c>stats</c> verb beside the app):
    /// papers, papers with a vector by <paramref name="model"/>, and the rate over the last minute from the rows' times.
    /// </summary>
    public async Task<EmbeddingProgress> GetProgressAsync(string model, CancellationToken cancellationToken = default)
    {
        var window = TimeSpan.FromMinutes(1);
        var since = (timeProvider.GetUtcNow() - window).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(cancellationToken);
        var (papers, embedded, recent) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition(ProgressSql, new { model, since }, cancellationToken: cancellationToken));
        return EmbeddingProgress.Of(model, papers, embedded, recent / window.TotalSeconds);
    }
}

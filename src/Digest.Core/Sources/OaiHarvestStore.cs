using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Sources;

/// <summary>Persists each OAI-PMH source's harvest progress after every stored page, so that a killed harvest resumes where it stopped.</summary>
public sealed class OaiHarvestStore(SqliteDatabase database, TimeProvider timeProvider)
{
    private const string GetSql = """
        SELECT harvest_from AS HarvestFrom, resumption_token AS ResumptionToken, next_from AS NextFrom, pages AS Pages
        FROM oai_harvests WHERE source = @source
        """;

    /// <summary>The source's progress, or null when it never harvested.</summary>
    public async Task<OaiHarvestState?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(GetSql, new { source }, cancellationToken: cancellationToken));
        return row is null ? null : new OaiHarvestState(PaperRow.ParseDate(row.HarvestFrom), row.ResumptionToken, PaperRow.ParseDate(row.NextFrom), (int)row.Pages);
    }

    private const string PageSql = """
        INSERT INTO oai_harvests (source, harvest_from, resumption_token, last_response_date, next_from, pages, updated_at)
        VALUES (@source, @from, @token, @responseDate, NULL, @pages, @now)
        ON CONFLICT (source) DO UPDATE SET harvest_from = @from, resumption_token = @token, last_response_date = @responseDate,
            pages = @pages, updated_at = @now
        """;

    /// <summary>Records the <paramref name="pages"/>th stored page of a harvest that continues with <paramref name="nextToken"/>.</summary>
    public async Task RecordPageAsync(string source, DateOnly? harvestFrom, string nextToken, DateOnly responseDate, int pages, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PageSql, new
        {
            source,
            from = PaperRow.FormatDate(harvestFrom),
            token = nextToken,
            responseDate = PaperRow.FormatDate(responseDate),
            pages,
            now = PaperRow.FormatTimestamp(timeProvider.GetUtcNow()),
        }, cancellationToken: cancellationToken));
    }

    private const string CompleteSql = """
        INSERT INTO oai_harvests (source, harvest_from, resumption_token, last_response_date, next_from, pages, updated_at)
        VALUES (@source, @from, NULL, @responseDate, @responseDate, @pages, @now)
        ON CONFLICT (source) DO UPDATE SET harvest_from = @from, resumption_token = NULL, last_response_date = @responseDate,
            next_from = @responseDate, pages = @pages, updated_at = @now
        """;

    /// <summary>
    /// Records a completed harvest: the next one starts from the day of its last response (that day is harvested again,
    /// which is harmless: ingest leaves unchanged papers unchanged).
    /// </summary>
    public async Task RecordCompletedAsync(string source, DateOnly? harvestFrom, DateOnly responseDate, int pages, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CompleteSql, new
        {
            source,
            from = PaperRow.FormatDate(harvestFrom),
            responseDate = PaperRow.FormatDate(responseDate),
            pages,
            now = PaperRow.FormatTimestamp(timeProvider.GetUtcNow()),
        }, cancellationToken: cancellationToken));
    }

    private sealed class StateRow
    {
        public string? HarvestFrom { get; set; }
        public string? ResumptionToken { get; set; }
        public string? NextFrom { get; set; }
        public long Pages { get; set; }
    }
}

using System.Globalization;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Sources;

/// <summary>
/// Harvests an <see cref="RemoteSourceKind.ArxivOai"/> source: <c>ListRecords</c> from a day, then page after page by
/// resumption token until the token is empty. Each page is ingested as soon as it arrives (a full arXiv harvest is
/// 2.7 million records on about 2,700 pages, too much to hold first), and after each stored page the token of the next
/// one is persisted, so a harvest killed half-way continues where it stopped. Ingest is idempotent, so a page stored
/// just before a kill (its token not yet persisted) is harmlessly read again.
/// </summary>
public sealed class OaiHarvester(RemoteFetcher fetcher, IngestService ingest, OaiHarvestStore harvests, TimeProvider timeProvider, ILogger<OaiHarvester> logger)
{
    /// <summary>
    /// Runs the harvest to its end and returns what was ingested, page reports together. An OAI error other than
    /// <c>noRecordsMatch</c> (an empty harvest) fails it with a <see cref="FetchException"/>; pages stored before stay stored.
    /// </summary>
    public async Task<IngestReport> HarvestAsync(RemoteSourceOptions source, CancellationToken cancellationToken)
    {
        var state = await harvests.GetAsync(source.Name, cancellationToken);
        var from = state is { InProgress: true } ? state.HarvestFrom : state?.NextFrom ?? source.From;
        var token = state?.ResumptionToken;
        var pages = state is { InProgress: true } ? state.Pages : 0;
        if (token is not null) logger.LogInformation("Source {Source}: resuming the harvest from {From} after page {Pages}", source.Name, from, pages);
        var restarted = false;
        var total = new IngestReport { StartedAt = timeProvider.GetUtcNow() };
        try
        {
            while (true)
            {
                var url = token is null ? FirstPageUrl(source, from) : NextPageUrl(source, token);
                var path = await fetcher.DownloadAsync(url, cancellationToken);
                try
                {
                    var (page, problem) = OaiResponse.Read(path);
                    if (page is null) throw new FetchException($"{problem} ({url.PathAndQuery})");
                    var day = DateOnly.FromDateTime((page.ResponseDate ?? timeProvider.GetUtcNow()).UtcDateTime);

                    if (page.ErrorCode == "badResumptionToken" && token is not null && !restarted)
                    {
                        // Tokens expire (arXiv's after a day or so); starting the same harvest again is safe because ingest is idempotent.
                        logger.LogWarning("Source {Source}: the resumption token was refused ({Message}); restarting the harvest from {From}", source.Name, page.ErrorMessage, from);
                        (token, pages, restarted) = (null, 0, true);
                        continue;
                    }
                    if (page.ErrorCode == "noRecordsMatch")
                    {
                        // Nothing changed since the last harvest: an empty, successful one.
                        await harvests.RecordCompletedAsync(source.Name, from, day, pages, CancellationToken.None);
                        return total;
                    }
                    if (page.ErrorCode is { } code) throw new FetchException($"OAI-PMH error {code}: {page.ErrorMessage} ({url.PathAndQuery})");
                    if (page.ResumptionToken is { } next && next == token) throw new FetchException($"the server answered resumption token '{token}' with the same token again; the harvest stops to avoid a loop");

                    await IngestPageAsync(source, path, pages + 1, total, cancellationToken);
                    pages++;
                    // Not cancellable: the page is stored, and where to continue must be recorded with it.
                    if (page.ResumptionToken is { } nextToken)
                    {
                        await harvests.RecordPageAsync(source.Name, from, nextToken, day, pages, CancellationToken.None);
                        token = nextToken;
                    }
                    else
                    {
                        await harvests.RecordCompletedAsync(source.Name, from, day, pages, CancellationToken.None);
                        logger.LogInformation("Source {Source}: harvest from {From} complete after {Pages} pages; the next starts from {Next}", source.Name, from, pages, day);
                        return total;
                    }
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }
        finally
        {
            total.FinishedAt = timeProvider.GetUtcNow();
        }
    }

    private async Task IngestPageAsync(RemoteSourceOptions source, string path, int pageNumber, IngestReport total, CancellationToken cancellationToken)
    {
        var request = new IngestRequest { Format = SourceFormat.ArxivOai, Origin = source.Name };
        var report = await ingest.IngestAsync([new IngestSource($"{source.Name}#{pageNumber}", () => File.OpenRead(path))], request, cancellationToken: cancellationToken);
        total.Files.AddRange(report.Files);
        foreach (var rejection in report.Rejections)
        {
            if (total.Rejections.Count < IngestReport.MaxListedRejections) total.Rejections.Add(rejection);
        }
        if (report.Cancelled)
        {
            total.Cancelled = true;
            throw new OperationCanceledException(cancellationToken);
        }
        if (report.StorageFailure is { } failure)
        {
            total.StorageFailure = failure;
            throw new FetchException($"page {pageNumber} could not be stored: {failure}");
        }
        if (report.Files.FirstOrDefault(f => f.Error is not null) is { } failed) throw new FetchException($"page {pageNumber}: {failed.Error}");
    }

    /// <summary>The first request of a harvest: <c>ListRecords</c> in the source's format, from a day, in its set.</summary>
    public static Uri FirstPageUrl(RemoteSourceOptions source, DateOnly? from)
    {
        var query = $"verb=ListRecords&metadataPrefix={Uri.EscapeDataString(source.MetadataPrefix)}";
        if (from is { } day) query += $"&from={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrWhiteSpace(source.Set)) query += $"&set={Uri.EscapeDataString(source.Set)}";
        return new Uri($"{source.EffectiveBaseUrl}?{query}");
    }

    /// <summary>A later request: only the token (OAI-PMH forbids repeating the other arguments with it).</summary>
    public static Uri NextPageUrl(RemoteSourceOptions source, string token) =>
        new($"{source.EffectiveBaseUrl}?verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}");
}

using System.Globalization;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Sources;

/// <summary>
/// Fetches one remote source and ingests it through the same path and report as files: download every request of
/// the run to temporary files, check that each is complete, then ingest them with the source's format and its name as
/// the origin. Any failure records the error and ingests nothing; it never throws (except on cancellation).
/// An OAI-PMH harvest is the exception: too large to download first, it is ingested page by page (<see cref="OaiHarvester"/>),
/// and a failure keeps the pages stored before it.
/// </summary>
public sealed class RemoteSourceRunner(
    RemoteFetcher fetcher,
    IngestService ingest,
    OaiHarvester harvester,
    SourceStatusStore statuses,
    TimeProvider timeProvider,
    ILogger<RemoteSourceRunner> logger)
{
    public async Task<SourceFetchResult> RunAsync(RemoteSourceOptions source, CancellationToken cancellationToken)
    {
        // Checked at start-up (DigestOptionsValidator); a source built in code must say what it is too.
        var kind = source.Kind ?? throw new ArgumentException($"Source {source.Name} has no Kind", nameof(source));
        var downloads = new List<string>();
        try
        {
            var report = kind == RemoteSourceKind.ArxivOai
                ? await harvester.HarvestAsync(source, cancellationToken)
                : await DownloadAndIngestAsync(source, kind, downloads, cancellationToken);

            await statuses.RecordSuccessAsync(source.Name, timeProvider.GetUtcNow(), report.Added, report.Updated, CancellationToken.None);
            logger.LogInformation("Source {Source}: {Seen} papers fetched, {Added} added, {Updated} updated, {Rejected} rejected",
                source.Name, report.Seen, report.Added, report.Updated, report.Rejected);
            return new SourceFetchResult(source.Name, report, null);
        }
        catch (FetchException e)
        {
            return await FailAsync(source, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Source {Source}: unexpected failure", source.Name);
            return await FailAsync(source, $"unexpected failure: {e.Message}");
        }
        finally
        {
            foreach (var path in downloads) File.Delete(path);
        }
    }

    private async Task<IngestReport> DownloadAndIngestAsync(RemoteSourceOptions source, RemoteSourceKind kind, List<string> downloads, CancellationToken cancellationToken)
    {
        foreach (var url in RequestUrls(source, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)))
        {
            var path = await fetcher.DownloadAsync(url, cancellationToken);
            downloads.Add(path);
            if (await ResponseValidator.ValidateAsync(kind, path, cancellationToken) is { } problem)
            {
                throw new FetchException($"{problem} ({url.PathAndQuery})");
            }
        }

        var format = kind switch
        {
            RemoteSourceKind.ArxivQuery => SourceFormat.ArxivAtom,
            RemoteSourceKind.ArxivListing => SourceFormat.ArxivListing,
            _ => SourceFormat.HuggingFaceDaily,
        };
        var sources = downloads.Select((path, i) => new IngestSource($"{source.Name}#{i + 1}", () => File.OpenRead(path))).ToList();
        var report = await ingest.IngestAsync(sources, new IngestRequest { Format = format, Origin = source.Name }, cancellationToken: cancellationToken);
        if (report.Cancelled) throw new OperationCanceledException(cancellationToken);
        if (report.Files.FirstOrDefault(f => f.Error is not null) is { } failed) throw new FetchException(failed.Error!);
        return report;
    }

    private async Task<SourceFetchResult> FailAsync(RemoteSourceOptions source, string error)
    {
        if (source.Kind == RemoteSourceKind.ArxivOai) logger.LogWarning("Source {Source}: {Error}; the pages harvested before it are stored, and the next run continues from there", source.Name, error);
        else logger.LogWarning("Source {Source}: {Error}; nothing ingested", source.Name, error);
        await statuses.RecordFailureAsync(source.Name, timeProvider.GetUtcNow(), error, CancellationToken.None);
        return new SourceFetchResult(source.Name, null, error);
    }

    /// <summary>
    /// The requests of one run: one per day for Hugging Face (oldest first), one query for arXiv, one feed per category
    /// for arXiv listings. (An OAI-PMH harvest's requests follow from its answers: <see cref="OaiHarvester"/>.)
    /// </summary>
    public static IReadOnlyList<Uri> RequestUrls(RemoteSourceOptions source, DateOnly today)
    {
        var baseUrl = source.EffectiveBaseUrl;
        if (source.Kind == RemoteSourceKind.ArxivListing)
        {
            var feed = source.Format == ArxivListingFormat.Atom ? "atom" : "rss";
            return source.Categories.Select(category => new Uri($"{baseUrl}/{feed}/{Uri.EscapeDataString(category)}")).ToList();
        }
        if (source.Kind == RemoteSourceKind.ArxivQuery)
        {
            var query = Uri.EscapeDataString(source.Query ?? "");
            return [new Uri($"{baseUrl}/api/query?search_query={query}&sortBy=submittedDate&sortOrder=descending&start=0&max_results={source.MaxResults}")];
        }
        return Enumerable.Range(0, source.Days).Reverse()
            .Select(back => new Uri($"{baseUrl}/api/daily_papers?date={today.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"))
            .ToList();
    }
}

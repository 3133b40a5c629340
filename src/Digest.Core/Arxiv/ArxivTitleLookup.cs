using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Arxiv;

/// <summary>
/// Looks up papers known only by their title (digest text) on arXiv, one round at a time: each due paper is searched
/// by exact title, and an entry counts only when its title key equals the paper's (<see cref="PaperId.TitleKey"/>), so a
/// near miss is never taken. A hit is ingested like any arXiv entry: the merge gives the paper its arXiv id, authors,
/// dates, categories and links, and keeps the old id as an alias. Every outcome is recorded with when to ask again.
/// </summary>
public sealed class ArxivTitleLookup(
    ArxivClient arxiv,
    IngestService ingest,
    PaperStore papers,
    TitleLookupStore lookups,
    ArxivOptions options,
    TimeProvider timeProvider,
    ILogger<ArxivTitleLookup> logger)
{
    /// <summary>The ingest run log's origin for papers found by title.</summary>
    public const string Origin = "arxiv-title-lookup";

    /// <summary>Longest wait after arXiv was unreachable, however often it failed.</summary>
    public static readonly TimeSpan MaxUnreachableRetry = TimeSpan.FromDays(7);

    /// <summary>
    /// Shortest title key looked up, with at least two words: an exact match of a one-word or very short title
    /// ("Introduction", "Attention", "Deep RL") on arXiv is as likely another paper as this one.
    /// </summary>
    public const int MinTitleKeyLength = 10;

    /// <summary>
    /// Looks up at most <see cref="ArxivOptions.BatchSize"/> due papers, one request each (spaced by the fetch rules).
    /// Stops at the first paper arXiv could not answer for: the rest would fail the same way.
    /// </summary>
    public async Task<TitleLookupRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var due = await lookups.FindDueAsync(timeProvider.GetUtcNow(), options.BatchSize, cancellationToken);
        int found = 0, notFound = 0, lookedUp = 0;
        foreach (var candidate in due)
        {
            lookedUp++;
            var outcome = await LookUpAsync(candidate, cancellationToken);
            if (outcome == TitleLookupOutcome.Unreachable) return new TitleLookupRound(lookedUp, found, notFound, 1);
            if (outcome == TitleLookupOutcome.Found) found++;
            else notFound++;
        }
        if (lookedUp > 0) logger.LogInformation("arXiv title lookup: {LookedUp} looked up, {Found} found", lookedUp, found);
        return new TitleLookupRound(lookedUp, found, notFound, 0);
    }

    private async Task<string> LookUpAsync(TitleLookupCandidate candidate, CancellationToken cancellationToken)
    {
        var key = PaperId.TitleKey(candidate.Title);
        if (key.Length < MinTitleKeyLength || !HasTwoWords(candidate.Title))
        {
            await lookups.RecordAsync(candidate.PaperId, timeProvider.GetUtcNow(), TitleLookupOutcome.TooShort, null, CancellationToken.None);
            return TitleLookupOutcome.TooShort;
        }
        var answer = await arxiv.SearchByTitleAsync(candidate.Title, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (!answer.Answered)
        {
            await lookups.RecordAsync(candidate.PaperId, now, TitleLookupOutcome.Unreachable, now + UnreachableWait(candidate), CancellationToken.None);
            return TitleLookupOutcome.Unreachable;
        }

        var exact = answer.Entries.Where(e => PaperId.TitleKey(e.Title) == key).DistinctBy(e => e.ArxivId).ToList();
        var outcome = exact.Count switch
        {
            0 => TitleLookupOutcome.NotFound,
            > 1 => TitleLookupOutcome.Ambiguous,
            _ => await TakeAsync(candidate, exact[0], cancellationToken),
        };
        var retryAt = outcome == TitleLookupOutcome.Found ? (DateTimeOffset?)null : now + options.NotFoundRetry;
        await lookups.RecordAsync(candidate.PaperId, now, outcome, retryAt, CancellationToken.None);
        return outcome;
    }

    private async Task<string> TakeAsync(TitleLookupCandidate candidate, Paper entry, CancellationToken cancellationToken)
    {
        var report = await ingest.IngestPapersAsync($"arxiv:{entry.ArxivId}", SourceFormat.ArxivAtom, [entry], new IngestRequest { Origin = Origin }, cancellationToken);
        if (report.StorageFailure is not null || report.Rejected > 0)
        {
            logger.LogWarning("arXiv entry {ArxivId} for '{Title}' not stored: {Reason}", entry.ArxivId, candidate.Title,
                report.StorageFailure ?? report.Rejections.FirstOrDefault()?.Reason);
            return TitleLookupOutcome.NotMerged;
        }
        // The merge re-keys the title paper unless the arXiv id already belonged to another stored paper.
        var now = await papers.GetAsync(candidate.PaperId, cancellationToken);
        return now?.ArxivId == entry.ArxivId ? TitleLookupOutcome.Found : TitleLookupOutcome.NotMerged;
    }

    private static bool HasTwoWords(string title)
    {
        var words = 0;
        for (var i = 0; i < title.Length; i++)
        {
            if (char.IsLetterOrDigit(title[i]) && (i == 0 || !char.IsLetterOrDigit(title[i - 1])) && ++words == 2) return true;
        }
        return false;
    }

    // Doubling from the last wait: an arXiv outage of days costs a few requests, not one per round.
    private TimeSpan UnreachableWait(TitleLookupCandidate candidate)
    {
        if (candidate is { LastOutcome: TitleLookupOutcome.Unreachable, LastLookedUpAt: { } last, RetryAt: { } retry } && retry > last)
        {
            var doubled = (retry - last) * 2;
            return doubled < options.UnreachableRetry ? options.UnreachableRetry : doubled > MaxUnreachableRetry ? MaxUnreachableRetry : doubled;
        }
        return options.UnreachableRetry;
    }
}

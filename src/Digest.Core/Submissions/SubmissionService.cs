using System.Globalization;
using Digest.Core.Arxiv;
using Digest.Core.Ingestion;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Submissions;

/// <summary>
/// Readers' submissions: an arXiv id or link, fetched from the arXiv API, stored and indexed through the ingest service
/// on the given digest day, and recorded as "submitted by" the reader. A paper is submitted once per day; the store's
/// unique key decides between two readers submitting it at the same moment. Curators can take a reader's submissions back.
/// </summary>
public sealed class SubmissionService(
    ArxivClient arxiv,
    IngestService ingest,
    PaperStore papers,
    SubmissionStore submissions,
    DigestDayRemoval dayRemoval,
    TimeProvider timeProvider,
    ILogger<SubmissionService> logger)
{
    /// <summary>The ingest run log's origin for submitted papers.</summary>
    public const string Origin = "submission";

    /// <summary>Submits the paper <paramref name="text"/> names for <paramref name="today"/>'s digest, as <paramref name="readerId"/>.</summary>
    public async Task<SubmissionOutcome> SubmitAsync(long readerId, string? text, DateOnly today, CancellationToken cancellationToken = default)
    {
        var parsed = ArxivIdInput.Parse(text);
        if (parsed.ArxivId is not { } arxivId) return new SubmissionOutcome(SubmissionResult.InvalidId, parsed.Problem!);

        // Answered without asking arXiv: a repeated submission costs one indexed read, not a request.
        if (await submissions.FindAsync(arxivId, today, cancellationToken) is { } existing) return AlreadySubmitted(existing, readerId);
        if (await submissions.IsDayRemovedAsync(arxivId, today, cancellationToken))
        {
            return RemovedByCurator(arxivId, today);
        }
        // A submission row only for days a submission added: taking a reader's submissions back must not take a day off
        // a paper its source put there.
        if (await papers.GetAsync(arxivId, cancellationToken) is { } known && known.DigestDays.Contains(today))
        {
            return AlreadyInDigest(arxivId, known, today);
        }

        var answer = await arxiv.GetByIdAsync(arxivId, cancellationToken);
        if (!answer.Answered)
        {
            return new SubmissionOutcome(SubmissionResult.Unreachable, "arXiv could not be reached just now; please try again in a few minutes.") { ArxivId = arxivId };
        }
        if (answer.Entries.Count == 0)
        {
            return new SubmissionOutcome(SubmissionResult.NotFound, $"arXiv has no paper with the id {arxivId}.") { ArxivId = arxivId };
        }

        var entry = answer.Entries[0] with { DigestDays = [today] };
        // The same paper may be stored by its title only (a digest page), and on this day already; the ingest below still
        // gives it its arXiv id.
        var byTitle = await papers.GetAsync(PaperId.FromTitle(entry.Title), cancellationToken);
        var onDayBefore = byTitle is { ArxivId: null } && byTitle.DigestDays.Contains(today);
        var report = await ingest.IngestPapersAsync($"arxiv:{arxivId}", SourceFormat.ArxivAtom, [entry], new IngestRequest { Origin = Origin }, cancellationToken);
        if (report.StorageFailure is not null || report.Rejected > 0)
        {
            var reason = report.StorageFailure ?? report.Rejections.FirstOrDefault()?.Reason ?? "rejected";
            logger.LogWarning("Submission of {ArxivId} by reader {ReaderId} not stored: {Reason}", arxivId, readerId, reason);
            return new SubmissionOutcome(SubmissionResult.NotStored, $"arXiv:{arxivId} could not be stored ({reason}).") { ArxivId = arxivId };
        }

        var stored = await papers.GetAsync(arxivId, cancellationToken);
        if (stored is not null && !stored.DigestDays.Contains(today))
        {
            // The merge kept the day off: a curator removed it while the paper was known by its title only (the check above
            // looks under the arXiv id, and the removal moved to it with the re-key).
            return RemovedByCurator(arxivId, today);
        }
        if (onDayBefore)
        {
            return AlreadyInDigest(arxivId, stored!, today);
        }
        var paperId = stored?.Id ?? arxivId;
        var now = timeProvider.GetUtcNow();
        if (!await submissions.TryAddAsync(paperId, today, readerId, now, cancellationToken))
        {
            // Another reader's submission of the same paper won the race; the day is on the paper either way.
            var winner = await submissions.FindAsync(paperId, today, cancellationToken);
            if (winner is not null) return AlreadySubmitted(winner, readerId);
        }
        logger.LogInformation("Reader {ReaderId} submitted {ArxivId} for {Day}", readerId, arxivId, today);
        var added = await submissions.FindAsync(paperId, today, cancellationToken);
        return new SubmissionOutcome(SubmissionResult.Added, $"Added “{stored?.Title ?? arxivId}” to the digest of {Day(today)}.")
        {
            ArxivId = arxivId,
            Submission = added,
            Paper = stored,
        };
    }

    /// <summary>The day's submissions by paper id, for "submitted by" on the day's digest.</summary>
    public Task<IReadOnlyDictionary<string, Submission>> ListForDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        submissions.ListForDayAsync(day, cancellationToken);

    /// <summary>A reader's submissions, newest first.</summary>
    public Task<IReadOnlyList<Submission>> ListByReaderAsync(long readerId, CancellationToken cancellationToken = default) =>
        submissions.ListByReaderAsync(readerId, cancellationToken);

    /// <summary>
    /// Deletes every submission of <paramref name="readerId"/> and takes each paper off the day it was submitted for (recorded,
    /// so a later ingest does not put it back), in one transaction. Returns what was removed, for the curator's audit record.
    /// </summary>
    public async Task<IReadOnlyList<Submission>> RemoveByReaderAsync(long readerId, long curatorId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Submission> removed = [];
        await dayRemoval.RemoveAsync(async batch =>
        {
            removed = await SubmissionStore.DeleteByReaderAsync(batch, readerId);
            return [.. removed.Select(s => (s.PaperId, s.Day))];
        }, cancellationToken);
        logger.LogInformation("Curator {CuratorId} removed {Count} submissions of reader {ReaderId}", curatorId, removed.Count, readerId);
        return removed;
    }

    private static SubmissionOutcome AlreadyInDigest(string arxivId, Paper paper, DateOnly today) =>
        new(SubmissionResult.AlreadyInDigest, $"“{paper.Title}” is already in the digest of {Day(today)}.") { ArxivId = arxivId, Paper = paper };

    private static SubmissionOutcome RemovedByCurator(string arxivId, DateOnly today) =>
        new(SubmissionResult.RemovedByCurator, $"A curator took arXiv:{arxivId} off the digest of {Day(today)}; it cannot be submitted for that day again.") { ArxivId = arxivId };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Who submitted it is in Submission for the page to show as it sees fit; the message names no other reader's address.
    private static SubmissionOutcome AlreadySubmitted(Submission existing, long readerId) =>
        new(SubmissionResult.AlreadySubmitted,
            $"arXiv:{existing.PaperId} is already in the digest of {existing.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: "
            + $"submitted by {(existing.ReaderId == readerId ? "you" : "another reader")} at {existing.SubmittedAt.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC.")
        {
            ArxivId = existing.PaperId,
            Submission = existing,
        };
}

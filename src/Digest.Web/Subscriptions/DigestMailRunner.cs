using Digest.Core.Configuration;
using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Subscriptions;
using Digest.Core.Topics;
using Microsoft.Extensions.Options;

namespace Digest.Web.Subscriptions;

/// <summary>
/// Sends the due digests. "New to a view" means: matching the view now, among its <see cref="SearchRequest.MaxPageSize"/>
/// newest papers, first stored after the subscription was confirmed, and never mailed to this subscription before;
/// newest first, at most <see cref="EmailOptions.MaxPapersPerDigest"/> (the rest come next time).
/// <para>
/// Once per period: a subscription is due while its current period (<see cref="DigestPeriod"/>) has no send row. For
/// each one the runner takes a lease, mails, then records the send row and the mailed papers in one transaction. A
/// kill before the mail is taken leaves nothing recorded and the digest is sent when the lease lapses; a kill after
/// the commit leaves the period done. Only a kill in the instant between the server's "250 OK" and the commit can
/// repeat a digest, and the repeat carries the same Message-ID. A failure is recorded with a retry time (exponential
/// backoff) and the run goes on with the next subscription.
/// </para>
/// </summary>
public sealed class DigestMailRunner(
    SubscriptionStore subscriptions,
    PaperStore papers,
    SearchService search,
    TaxonomyProvider taxonomies,
    DigestMailComposer composer,
    SmtpMailSender sender,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    ILogger<DigestMailRunner> logger)
{
    /// <summary>How long a sender holds a subscription: longer than one SMTP exchange may take (see <see cref="SmtpMailSender.Timeout"/>).</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(3);

    /// <summary>Longest wait between retries of a failing digest.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    private readonly EmailOptions _email = options.Value.Email;

    /// <summary>Mails every due subscription once; a failing one is recorded and never stops the others.</summary>
    public async Task<DigestRunReport> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var daily = DigestPeriod.Current(SubscriptionFrequency.Daily, now, _email.SendAt);
        var weekly = DigestPeriod.Current(SubscriptionFrequency.Weekly, now, _email.SendAt);
        await subscriptions.DeleteExpiredPendingAsync(now - _email.ConfirmationLifetime, cancellationToken);
        var due = await subscriptions.ListDueAsync(now, daily, weekly, cancellationToken);
        int sent = 0, nothingNew = 0, failed = 0, skipped = 0;
        var errors = new List<string>();
        foreach (var subscription in due)
        {
            // Between subscriptions, never within one: a stop leaves every digest either recorded or not begun.
            cancellationToken.ThrowIfCancellationRequested();
            var period = subscription.Frequency == SubscriptionFrequency.Daily ? daily : weekly;
            var at = timeProvider.GetUtcNow();
            if (!await subscriptions.TryLeaseAsync(subscription.Id, period, at, at + LeaseTime, cancellationToken))
            {
                skipped++;
                continue;
            }
            try
            {
                var fresh = await FindNewAsync(subscription, cancellationToken);
                if (fresh.Count > 0)
                {
                    // Not cancelled by a stop: a send in flight is finished (bounded by the SMTP timeout) and recorded,
                    // since a mail the server took but the store did not record would go out again.
                    await sender.SendAsync(composer.Digest(subscription, fresh, period), CancellationToken.None);
                }
                // The mail is gone: record it whatever happens to the run now.
                await subscriptions.RecordSendAsync(subscription.Id, period, timeProvider.GetUtcNow(), [.. fresh.Select(p => p.Id)], CancellationToken.None);
                if (fresh.Count > 0) sent++;
                else nothingNew++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                var delay = RetryDelay(subscription.Failures + 1);
                var error = Describe(e);
                errors.Add($"{subscription.Email} ({subscription.View}): {error}");
                logger.LogWarning("Digest for subscription {Id} failed (attempt {Attempt}), retrying in {Delay}: {Error}", subscription.Id, subscription.Failures + 1, delay, error);
                await subscriptions.RecordFailureAsync(subscription.Id, timeProvider.GetUtcNow(), error, timeProvider.GetUtcNow() + delay, CancellationToken.None);
            }
        }
        if (due.Count > 0) logger.LogInformation("Digest run: {Due} due, {Sent} sent, {NothingNew} with nothing new, {Failed} failed", due.Count, sent, nothingNew, failed);
        return new DigestRunReport { Due = due.Count, Sent = sent, NothingNew = nothingNew, Failed = failed, Skipped = skipped, Errors = errors };
    }

    /// <summary>Backoff after <paramref name="failures"/> failures in a row: the base delay, doubled each time, at most six hours.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var delay = _email.RetryBaseDelay * Math.Pow(2, Math.Min(Math.Max(failures - 1, 0), 20));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    private async Task<IReadOnlyList<Paper>> FindNewAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var taxonomy = taxonomies.Current;
        if (SubscriptionViews.ToRequest(subscription.View, taxonomy) is not { } request || subscription.ConfirmedAt is not { } confirmed) return [];
        var response = search.Search(request with { PageSize = SearchRequest.MaxPageSize });
        var ids = response.Results.Select(r => r.Id).ToList();
        var stored = await subscriptions.FirstStoredAfterAsync(ids, confirmed, cancellationToken);
        var mailed = await subscriptions.AlreadySentAsync(subscription.Id, ids, cancellationToken);
        var fresh = new List<Paper>();
        foreach (var id in ids.Where(id => stored.Contains(id) && !mailed.Contains(id)).Take(_email.MaxPapersPerDigest))
        {
            if (await papers.GetAsync(id, cancellationToken) is { } paper) fresh.Add(paper);
        }
        return fresh;
    }

    private static string Describe(Exception e)
    {
        var message = e.GetBaseException().Message;
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}

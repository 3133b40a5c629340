using Digest.Core.Configuration;
using Digest.Core.Subscriptions;
using Digest.Core.Topics;
using Microsoft.Extensions.Options;

namespace Digest.Web.Subscriptions;

/// <summary>
/// Subscribing and the signed links: the double opt-in (only a confirmation is ever sent before it is confirmed), the
/// abuse limits (<see cref="SubscriptionLimits"/>), and token checks for the confirm, manage and unsubscribe pages.
/// </summary>
public sealed class SubscriptionService(
    SubscriptionStore store,
    SubscriptionTokens tokens,
    DigestMailComposer composer,
    SubscriptionMailQueue mails,
    FixedWindowLimiter limiter,
    TaxonomyProvider taxonomies,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    ILogger<SubscriptionService> logger)
{
    private readonly EmailOptions _email = options.Value.Email;

    public bool Enabled => _email.Enabled;

    /// <summary>Handles the subscribe form. Every valid request gets the same answer (see <see cref="SubscribeOutcome.Accepted"/>).</summary>
    public async Task<SubscribeOutcome> SubscribeAsync(string? email, string? view, SubscriptionFrequency frequency, string clientIp, CancellationToken cancellationToken)
    {
        if (!Enabled) return SubscribeOutcome.NotConfigured;
        if (!limiter.TryAcquire("subscribe-ip:" + clientIp, SubscriptionLimits.SubscribesPerIpPerHour, TimeSpan.FromHours(1))) return SubscribeOutcome.TooManyRequests;
        if (EmailAddress.Normalize(email) is not { } address) return SubscribeOutcome.InvalidAddress;
        var taxonomy = taxonomies.Current;
        if (SubscriptionViews.Normalize(view, taxonomy) is not { } canonical) return SubscribeOutcome.InvalidView;

        // Past the address's daily allowance nothing is sent, and the answer is the same.
        if (!limiter.TryAcquire("subscribe-address:" + address, SubscriptionLimits.MailsPerAddressPerDay, TimeSpan.FromDays(1)))
        {
            logger.LogInformation("Subscribe request over the per-address mail limit; nothing sent");
            return SubscribeOutcome.Accepted;
        }
        var now = timeProvider.GetUtcNow();
        await store.DeleteExpiredPendingAsync(now - _email.ConfirmationLifetime, cancellationToken);
        var existing = await store.FindAsync(address, canonical, cancellationToken);
        if (existing is null && await store.CountByEmailAsync(address, cancellationToken) >= _email.MaxSubscriptionsPerAddress)
        {
            logger.LogInformation("Subscribe request over the per-address subscription cap; nothing sent");
            return SubscribeOutcome.Accepted;
        }
        var subscription = existing switch
        {
            null => await store.AddPendingAsync(address, canonical, SubscriptionViews.Title(canonical, taxonomy), frequency, now, cancellationToken),
            // Asked again before confirming: the new link's lifetime (and the chosen frequency) start now.
            { Status: SubscriptionStatus.Pending } => await store.RenewPendingAsync(existing.Id, frequency, now, cancellationToken) ?? existing,
            _ => existing,
        };
        var message = subscription.Status == SubscriptionStatus.Pending ? composer.Confirmation(subscription) : composer.AlreadySubscribed(subscription);
        // Queued, not sent here: the answer takes the same time whether or not a mail goes out.
        if (!mails.TryEnqueue(message)) logger.LogWarning("Subscription mail queue full; a mail for subscription {Id} was dropped", subscription.Id);
        return SubscribeOutcome.Accepted;
    }

    /// <summary>Counts a request to a link page (confirm, manage, unsubscribe) from <paramref name="clientIp"/>; false when over the limit.</summary>
    public bool AllowLinkRequest(string clientIp) =>
        limiter.TryAcquire("link-ip:" + clientIp, SubscriptionLimits.LinkRequestsPerIpPerHour, TimeSpan.FromHours(1));

    /// <summary>The subscription a valid, unexpired token of <paramref name="purpose"/> names, or null (one answer for unknown, forged and expired).</summary>
    public async Task<Subscription?> FindByTokenAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (SubscriptionTokens.ReadId(token, purpose) is not { } id) return null;
        if (purpose == TokenPurpose.Confirm && !limiter.TryAcquire("confirm-id:" + id, SubscriptionLimits.ConfirmationsPerSubscriptionPerHour, TimeSpan.FromHours(1))) return null;
        var subscription = await store.GetAsync(id, cancellationToken);
        return subscription is not null && tokens.IsValid(token, purpose, subscription, timeProvider.GetUtcNow()) ? subscription : null;
    }

    /// <summary>Confirms the subscription; its current period counts as sent, so the first digest comes at the next run of the next period.</summary>
    public async Task ConfirmAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await store.ConfirmAsync(subscription.Id, now, DigestPeriod.Current(subscription.Frequency, now, _email.SendAt), cancellationToken);
    }

    /// <summary>The token for the manage page of a confirmed subscription.</summary>
    public string ManageToken(Subscription subscription) => tokens.Create(TokenPurpose.Manage, subscription, expires: null);
}

namespace Digest.Core.Subscriptions;

/// <summary>Where a subscription stands.</summary>
public enum SubscriptionStatus
{
    /// <summary>Waiting for its confirmation link to be used; nothing but the confirmation is ever sent to it.</summary>
    Pending,

    /// <summary>Confirmed: digests are sent.</summary>
    Active,

    /// <summary>Confirmed but paused by its owner: nothing is sent until it is resumed.</summary>
    Paused,
}

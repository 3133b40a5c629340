using Digest.Core.Configuration;

namespace Digest.Core.Subscriptions;

/// <summary>How often a subscription's digest is sent.</summary>
public enum SubscriptionFrequency
{
    /// <summary>Once a day, at <see cref="EmailOptions.SendAt"/>.</summary>
    Daily,

    /// <summary>Once an ISO week, at the first run of the week (Monday at <see cref="EmailOptions.SendAt"/>).</summary>
    Weekly,
}

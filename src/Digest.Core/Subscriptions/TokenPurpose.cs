using Digest.Core.Configuration;

namespace Digest.Core.Subscriptions;

/// <summary>What a signed link allows; part of the signature, so a manage link cannot be used as a confirmation link or the other way round.</summary>
public enum TokenPurpose
{
    /// <summary>Confirms a pending subscription; expires after <see cref="EmailOptions.ConfirmationLifetime"/>.</summary>
    Confirm,

    /// <summary>Manages (change frequency, pause, delete) and unsubscribes; in every digest, so it does not expire, and dies with the subscription.</summary>
    Manage,
}

namespace Digest.Web.Subscriptions;

/// <summary>
/// Abuse limits of the subscribe and confirmation pages, since the form sends mail to any address typed into it.
/// Per client IP they slow a script down; per address they cap what anyone can make Digest send to one inbox.
/// </summary>
public static class SubscriptionLimits
{
    /// <summary>Subscribe requests per client IP and hour.</summary>
    public const int SubscribesPerIpPerHour = 10;

    /// <summary>Mails (confirmations, "already subscribed" notes) per address and day caused by the form.</summary>
    public const int MailsPerAddressPerDay = 3;

    /// <summary>Confirmation, manage and unsubscribe requests per client IP and hour.</summary>
    public const int LinkRequestsPerIpPerHour = 60;

    /// <summary>Confirmation attempts per subscription and hour (guessing a token is hopeless anyway; this keeps it cheap).</summary>
    public const int ConfirmationsPerSubscriptionPerHour = 10;

    /// <summary>Longest address, title or other form field read; longer input is refused before any work.</summary>
    public const int MaxFieldLength = 2000;
}

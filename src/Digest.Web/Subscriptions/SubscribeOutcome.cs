namespace Digest.Web.Subscriptions;

/// <summary>
/// What a subscribe request answers. <see cref="Accepted"/> is the one answer for every valid request, whether the
/// address was new, pending, already subscribed, at its cap or over its mail limit: the page never tells which.
/// </summary>
public enum SubscribeOutcome
{
    Accepted,
    InvalidAddress,
    InvalidView,
    TooManyRequests,
    NotConfigured,
}

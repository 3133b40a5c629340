namespace Digest.Core.Subscriptions;

/// <summary>Counts for <c>stats</c> and <c>/api/status</c>: how many subscriptions, how many digests went out, and what is failing.</summary>
public sealed record SubscriptionStats
{
    public int Pending { get; init; }

    public int Active { get; init; }

    public int Paused { get; init; }

    /// <summary>Digests mailed (sends with at least one paper), ever.</summary>
    public int DigestsSent { get; init; }

    public string? LastSentAt { get; init; }

    /// <summary>Subscriptions whose last attempt failed and that wait for a retry.</summary>
    public int Failing { get; init; }

    public string? LastError { get; init; }

    public string? LastErrorAt { get; init; }
}

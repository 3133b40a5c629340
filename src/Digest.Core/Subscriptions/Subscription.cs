namespace Digest.Core.Subscriptions;

/// <summary>One address following one view, as stored.</summary>
public sealed record Subscription
{
    public required long Id { get; init; }

    /// <summary>The address, trimmed and lower-cased.</summary>
    public required string Email { get; init; }

    /// <summary>The followed view as its canonical local URL, e.g. <c>/search?topic=diffusion&amp;code=1</c> or <c>/topics/llm</c>.</summary>
    public required string View { get; init; }

    /// <summary>A title naming the view (its query and filters), as the page showed it when subscribing.</summary>
    public required string Title { get; init; }

    public required SubscriptionFrequency Frequency { get; init; }

    public required SubscriptionStatus Status { get; init; }

    /// <summary>Random per subscription and part of every token's signature, so a deleted and re-created row never honours old links.</summary>
    public required string Nonce { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the owner confirmed; only papers first stored after this are mailed.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>The last digest that was sent.</summary>
    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>Failed attempts at the current digest, in a row.</summary>
    public int Failures { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>After a failure: not tried again before this.</summary>
    public DateTimeOffset? RetryAt { get; init; }
}

namespace Digest.Web.Subscriptions;

/// <summary>What one run of the due digests did.</summary>
public sealed record DigestRunReport
{
    /// <summary>Subscriptions due when the run started.</summary>
    public int Due { get; init; }

    /// <summary>Digests mailed.</summary>
    public int Sent { get; init; }

    /// <summary>Subscriptions with nothing new: their period is recorded, nothing is mailed.</summary>
    public int NothingNew { get; init; }

    /// <summary>Digests the SMTP server did not take; retried with backoff.</summary>
    public int Failed { get; init; }

    /// <summary>Due subscriptions another sender held (the app and a CLI <c>send-now</c> at once).</summary>
    public int Skipped { get; init; }

    /// <summary>One line per failure: the address and the error.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

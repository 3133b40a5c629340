namespace Digest.Core.Configuration;

/// <summary>Settings under <c>Digest:Email</c> (environment: <c>Digest__Email__Name</c>): the SMTP server digests are sent through.</summary>
public sealed class EmailOptions
{
    /// <summary>The SMTP server's host name; unset turns email digests off (the subscribe form says so).</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP server's port.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>How the connection is protected.</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>Login name, when the server needs one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, for example <c>Digest &lt;digest@papers.example.org&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>UTC time of day of the daily run; weekly digests go out at the first run of each ISO week (Monday).</summary>
    public TimeSpan SendAt { get; set; } = new(7, 0, 0);

    /// <summary>Most papers listed in one digest (the newest first); the rest follow in the next one.</summary>
    public int MaxPapersPerDigest { get; set; } = 25;

    /// <summary>Most subscriptions (pending or confirmed) one address may hold.</summary>
    public int MaxSubscriptionsPerAddress { get; set; } = 20;

    /// <summary>How long a confirmation link works.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Wait before retrying a digest the SMTP server did not take; doubled for each further failure, at most six hours.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when a host is configured, so digests can be sent.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);
}

using MimeKit;

namespace Digest.Core.Configuration;

/// <summary>Checks <c>Digest:Email</c>; every message names the setting as written in configuration and in the environment.</summary>
public static class EmailOptionsValidator
{
    /// <summary>Adds a message to <paramref name="failures"/> for every invalid setting; nothing is checked while no host is set.</summary>
    public static void Validate(EmailOptions email, string? publicBaseUrl, List<string> failures)
    {
        if (!email.Enabled) return;
        if (Uri.CheckHostName(email.SmtpHost!.Trim()) == UriHostNameType.Unknown)
        {
            failures.Add($"Digest:Email:SmtpHost (Digest__Email__SmtpHost) '{email.SmtpHost}' is not a host name or IP address.");
        }
        if (email.SmtpPort is < 1 or > 65535)
        {
            failures.Add("Digest:Email:SmtpPort (Digest__Email__SmtpPort) must be between 1 and 65535 (usually 587 with StartTls, 465 with Tls).");
        }
        if (!Enum.IsDefined(email.Security))
        {
            failures.Add("Digest:Email:Security (Digest__Email__Security) must be None, StartTls or Tls.");
        }
        if (string.IsNullOrWhiteSpace(email.UserName) != string.IsNullOrEmpty(email.Password))
        {
            failures.Add("Digest:Email:UserName and Digest:Email:Password (Digest__Email__UserName, Digest__Email__Password) are set together or not at all.");
        }
        if (string.IsNullOrWhiteSpace(email.From) || !MailboxAddress.TryParse(email.From, out var from) || from.Address.IndexOf('@') <= 0 || email.From.Any(char.IsControl))
        {
            failures.Add($"Digest:Email:From (Digest__Email__From) must be a sender address, for example 'Digest <digest@papers.example.org>'; got '{email.From}'.");
        }
        if (email.SendAt < TimeSpan.Zero || email.SendAt >= TimeSpan.FromDays(1))
        {
            failures.Add("Digest:Email:SendAt (Digest__Email__SendAt) must be a UTC time of day from 00:00 to 23:59, for example 07:00.");
        }
        if (email.MaxPapersPerDigest is < 1 or > 100)
        {
            failures.Add("Digest:Email:MaxPapersPerDigest (Digest__Email__MaxPapersPerDigest) must be between 1 and 100.");
        }
        if (email.MaxSubscriptionsPerAddress is < 1 or > 1000)
        {
            failures.Add("Digest:Email:MaxSubscriptionsPerAddress (Digest__Email__MaxSubscriptionsPerAddress) must be between 1 and 1000.");
        }
        if (email.ConfirmationLifetime < TimeSpan.FromMinutes(5) || email.ConfirmationLifetime > TimeSpan.FromDays(30))
        {
            failures.Add("Digest:Email:ConfirmationLifetime (Digest__Email__ConfirmationLifetime) must be between 00:05:00 and 30.00:00:00.");
        }
        if (email.RetryBaseDelay < TimeSpan.FromSeconds(1) || email.RetryBaseDelay > TimeSpan.FromHours(6))
        {
            failures.Add("Digest:Email:RetryBaseDelay (Digest__Email__RetryBaseDelay) must be between 00:00:01 and 06:00:00.");
        }
        // Links in mail cannot come from a request's Host header: anyone could make a confirmation mail point elsewhere.
        if (string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            failures.Add("Digest:PublicBaseUrl (Digest__PublicBaseUrl) must be set when Digest:Email:SmtpHost is: the links in digest emails use it.");
        }
    }
}

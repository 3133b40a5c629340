namespace Digest.Web.Readers;

/// <summary>What the sign-in form answers. <see cref="Accepted"/> is the one answer for every valid address, known or not.</summary>
public enum SignInRequestOutcome
{
    Accepted,
    InvalidAddress,
    TooManyRequests,
    MailNotConfigured,
}

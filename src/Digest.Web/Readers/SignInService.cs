using Digest.Core.Configuration;
using Digest.Core.Readers;
using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;
using Microsoft.Extensions.Options;

namespace Digest.Web.Readers;

/// <summary>
/// Sign-in without passwords. The form's answer is the same for every valid address, whether it belongs to a reader,
/// is unknown (invite mode), is disabled or is over its mail allowance, and mails leave through the background queue,
/// so neither the words nor the timing tell who has an account.
/// </summary>
public sealed class SignInService(
    ReaderStore readers,
    SignInLinks links,
    ReaderSessions sessions,
    SignInMailComposer composer,
    SubscriptionMailQueue mails,
    FixedWindowLimiter limiter,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    ILogger<SignInService> logger)
{
    private readonly CommunityOptions _community = options.Value.Community;
    private readonly bool _mailEnabled = options.Value.Email.Enabled;

    public bool MailEnabled => _mailEnabled;

    public SignUpMode SignUp => _community.SignUp;

    public async Task<SignInRequestOutcome> RequestLinkAsync(string? email, string clientIp, CancellationToken cancellationToken)
    {
        if (!_mailEnabled) return SignInRequestOutcome.MailNotConfigured;
        if (!limiter.TryAcquire("signin-ip:" + clientIp, _community.SignInRequestsPerClientPerHour, TimeSpan.FromHours(1))) return SignInRequestOutcome.TooManyRequests;
        if (EmailAddress.Normalize(email) is not { } address) return SignInRequestOutcome.InvalidAddress;
        if (!limiter.TryAcquire("signin-address:" + address, _community.SignInLinksPerAddressPerHour, TimeSpan.FromHours(1)))
        {
            logger.LogInformation("Sign-in request over the per-address limit; nothing sent");
            return SignInRequestOutcome.Accepted;
        }
        var now = timeProvider.GetUtcNow();
        var reader = await readers.FindAsync(address, cancellationToken);
        if (reader is null && _community.SignUp == SignUpMode.Open) reader = await readers.EnsureAsync(address, admin: false, now, cancellationToken);
        if (reader is null || reader.IsDisabled)
        {
            logger.LogInformation("Sign-in request for an address that cannot sign in; nothing sent");
            return SignInRequestOutcome.Accepted;
        }
        var token = await links.CreateAsync(reader.Id, _community.SignInLinkLifetime, now, cancellationToken);
        if (!mails.TryEnqueue(composer.SignIn(reader.Email, token, _community.SignInLinkLifetime))) logger.LogWarning("Mail queue full; a sign-in mail was dropped");
        return SignInRequestOutcome.Accepted;
    }

    /// <summary>Whether a link's token would sign someone in (shown before the reader presses the button).</summary>
    public Task<bool> IsUsableAsync(string? token, CancellationToken cancellationToken) => links.IsUsableAsync(token, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>Spends the token and opens a session: its id and expiry for the cookie, or null when the link does not work.</summary>
    public async Task<(string SessionId, DateTimeOffset Expires)?> CompleteAsync(string? token, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (await links.RedeemAsync(token, now, cancellationToken) is not { } readerId) return null;
        var sessionId = await sessions.CreateAsync(readerId, _community.SessionLifetime, now, cancellationToken);
        await readers.RecordSignInAsync(readerId, now, cancellationToken);
        return (sessionId, now + _community.SessionLifetime);
    }

    public Task SignOutAsync(string? sessionId, CancellationToken cancellationToken) => sessions.DeleteAsync(sessionId, cancellationToken);

    public Task<int> SignOutEverywhereAsync(long readerId, CancellationToken cancellationToken) => sessions.DeleteAllAsync(readerId, cancellationToken);
}

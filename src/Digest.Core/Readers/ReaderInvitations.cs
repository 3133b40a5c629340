using Digest.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Digest.Core.Readers;

/// <summary>
/// Inviting a reader, from <c>/admin</c> or from <c>users invite</c>: the account (created, or made admin), a sign-in link
/// of the invite lifetime, and the audit row. Passing the link on (mail, the page, the terminal) is the caller's.
/// </summary>
public sealed class ReaderInvitations(ReaderStore readers, SignInLinks links, CuratorLog log, IOptions<DigestOptions> options, TimeProvider timeProvider)
{
    /// <param name="email">A normalised address (<see cref="Subscriptions.EmailAddress.Normalize"/>).</param>
    /// <param name="admin">Make the reader an admin (an admin stays one either way).</param>
    /// <param name="curatorId">Who invites: a signed-in admin, or <see cref="CuratorLog.CommandLineCurator"/>.</param>
    /// <param name="cancellationToken">Cancels the store writes.</param>
    public async Task<ReaderInvitation> InviteAsync(string email, bool admin, long curatorId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var lifetime = options.Value.Community.InviteLinkLifetime;
        var reader = await readers.EnsureAsync(email, admin, now, cancellationToken);
        var token = await links.CreateAsync(reader.Id, lifetime, now, cancellationToken);
        await log.RecordAsync(curatorId, CuratorActionKinds.InviteReader, email, reader.IsAdmin ? "admin" : null, now, cancellationToken);
        return new ReaderInvitation(reader, token, lifetime);
    }
}

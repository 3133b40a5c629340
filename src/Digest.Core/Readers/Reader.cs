namespace Digest.Core.Readers;

/// <summary>A reader of this instance, known by the address sign-in links go to.</summary>
public sealed record Reader(long Id, string Email, bool IsAdmin, DateTimeOffset CreatedAt, DateTimeOffset? LastSignedIn, DateTimeOffset? DisabledAt)
{
    public bool IsDisabled => DisabledAt is not null;
}

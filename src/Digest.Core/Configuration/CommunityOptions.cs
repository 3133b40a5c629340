namespace Digest.Core.Configuration;

/// <summary>Settings under <c>Digest:Community</c> (environment: <c>Digest__Community__Name</c>): readers, sign-in and their limits.</summary>
public sealed class CommunityOptions
{
    /// <summary>Who may ask for a sign-in link: <c>invite</c> (the default) or <c>open</c>.</summary>
    public SignUpMode SignUp { get; set; } = SignUpMode.Invite;

    /// <summary>How long a signed-in browser stays signed in (a fixed lifetime from sign-in, not sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an emailed sign-in link works.</summary>
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a link from <c>users invite</c> works: it may wait in someone's inbox for a while.</summary>
    public TimeSpan InviteLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Sign-in links mailed to one address per hour; further requests get the same answer and no mail.</summary>
    public int SignInLinksPerAddressPerHour { get; set; } = 3;

    /// <summary>Sign-in requests one client (IP) may make per hour.</summary>
    public int SignInRequestsPerClientPerHour { get; set; } = 20;

    /// <summary>Votes (and undos) one reader may cast per minute.</summary>
    public int VotesPerReaderPerMinute { get; set; } = 30;

    /// <summary>Papers one reader may submit per day.</summary>
    public int SubmissionsPerReaderPerDay { get; set; } = 10;

    /// <summary>Most papers one reading list holds.</summary>
    public int MaxSavedPapers { get; set; } = 5_000;
}

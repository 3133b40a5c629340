namespace Digest.Core.Configuration;

/// <summary>Checks <see cref="CommunityOptions"/> at start-up; each message names the setting as written in configuration and in the environment.</summary>
public static class CommunityOptionsValidator
{
    /// <summary>Adds a message to <paramref name="failures"/> for every setting out of range.</summary>
    public static void Validate(CommunityOptions options, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.SignUp))
        {
            failures.Add("Digest:Community:SignUp (Digest__Community__SignUp) must be invite or open.");
        }
        Check(options.SessionLifetime, TimeSpan.FromMinutes(5), TimeSpan.FromDays(400), nameof(CommunityOptions.SessionLifetime), failures);
        Check(options.SignInLinkLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), nameof(CommunityOptions.SignInLinkLifetime), failures);
        Check(options.InviteLinkLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30), nameof(CommunityOptions.InviteLinkLifetime), failures);
        Check(options.SignInLinksPerAddressPerHour, 1, 100, nameof(CommunityOptions.SignInLinksPerAddressPerHour), failures);
        Check(options.SignInRequestsPerClientPerHour, 1, 10_000, nameof(CommunityOptions.SignInRequestsPerClientPerHour), failures);
        Check(options.VotesPerReaderPerMinute, 1, 10_000, nameof(CommunityOptions.VotesPerReaderPerMinute), failures);
        Check(options.SubmissionsPerReaderPerDay, 1, 10_000, nameof(CommunityOptions.SubmissionsPerReaderPerDay), failures);
        Check(options.MaxSavedPapers, 1, 100_000, nameof(CommunityOptions.MaxSavedPapers), failures);
    }

    private static void Check(int value, int min, int max, string name, List<string> failures)
    {
        if (value < min || value > max) failures.Add($"Digest:Community:{name} (Digest__Community__{name}) must be between {min} and {max}.");
    }

    private static void Check(TimeSpan value, TimeSpan min, TimeSpan max, string name, List<string> failures)
    {
        if (value < min || value > max) failures.Add($"Digest:Community:{name} (Digest__Community__{name}) must be between {min:c} and {max:c}.");
    }
}

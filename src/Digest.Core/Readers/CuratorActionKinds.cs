namespace Digest.Core.Readers;

/// <summary>The names curator actions are recorded under.</summary>
public static class CuratorActionKinds
{
    public const string Feature = "feature";
    public const string Unfeature = "unfeature";
    public const string RemoveFromDay = "remove-from-day";
    public const string RemoveSubmissions = "remove-submissions";
    public const string DisableReader = "disable-reader";
    public const string EnableReader = "enable-reader";
    public const string InviteReader = "invite-reader";
}

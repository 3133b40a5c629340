namespace Digest.Web.Readers;

/// <summary>The authorization policies pages and endpoints name: every reader action needs <see cref="Reader"/>, every curator action <see cref="Curator"/>.</summary>
public static class ReaderPolicies
{
    public const string Reader = "reader";
    public const string Curator = "curator";
}

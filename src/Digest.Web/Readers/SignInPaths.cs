namespace Digest.Web.Readers;

/// <summary>Paths of the sign-in pages, and the absolute link a sign-in token travels in.</summary>
public static class SignInPaths
{
    public const string SignIn = "/signin";
    public const string Link = "/signin/link";

    /// <summary>The link for <paramref name="token"/> under <paramref name="baseUrl"/> (Digest:PublicBaseUrl, never a request's Host header).</summary>
    public static string LinkUrl(string baseUrl, string token) => baseUrl.TrimEnd('/') + Link + "?token=" + Uri.EscapeDataString(token);
}

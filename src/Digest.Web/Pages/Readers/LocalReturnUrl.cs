namespace Digest.Web.Pages.Readers;

/// <summary>Where a reader is sent back to after a form: only a path of this site, never another host (no open redirect).</summary>
public static class LocalReturnUrl
{
    public const int MaxLength = 2_000;

    public static string Or(string? url, string fallback) =>
        url is { Length: > 0 and <= MaxLength } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : fallback;
}

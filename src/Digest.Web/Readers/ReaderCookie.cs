using Digest.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Digest.Web.Readers;

/// <summary>
/// The session cookie: HttpOnly (no script reads it), SameSite=Lax (sent when a reader follows a link to the site,
/// which Strict would not, and never on another site's POST), and Secure whenever the site is reached over HTTPS, by
/// the request or by Digest:PublicBaseUrl (behind a TLS proxy). Plain HTTP on a LAN address keeps working, unsecured.
/// </summary>
public sealed class ReaderCookie(IOptions<DigestOptions> options)
{
    public const string Name = "digest_session";

    private readonly bool _publicHttps = options.Value.PublicBaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    public string? Read(HttpRequest request) => request.Cookies[Name];

    public void Write(HttpResponse response, string sessionId, DateTimeOffset expires) =>
        response.Cookies.Append(Name, sessionId, Options(response.HttpContext.Request, expires));

    public void Delete(HttpResponse response) => response.Cookies.Delete(Name, Options(response.HttpContext.Request, null));

    private CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps || _publicHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}

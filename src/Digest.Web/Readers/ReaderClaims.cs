using System.Globalization;
using System.Security.Claims;

namespace Digest.Web.Readers;

/// <summary>What a signed-in request's principal says about its reader: the one place that reads and writes those claims.</summary>
public static class ReaderClaims
{
    public const string AdminRole = "admin";

    public static ClaimsPrincipal Principal(Core.Readers.Reader reader, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, reader.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, reader.Email),
        };
        if (reader.IsAdmin) claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The signed-in reader's id, or null when signed out.</summary>
    public static long? ReaderId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string? ReaderEmail(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) : null;

    public static bool IsCurator(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(AdminRole);
}

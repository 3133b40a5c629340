using Digest.Web.Readers;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Readers;

/// <summary>
/// The page a sign-in link opens. GET only asks ("Sign in?"): mail scanners and link previews fetch links, and must
/// not spend the one-time token. The button posts it back (antiforgery-checked), which signs in and sets the cookie.
/// </summary>
public sealed class SignInLinkModel(SignInService signIn, ReaderCookie cookie, FixedWindowLimiter limiter) : PageModel
{
    private const int TriesPerClientPerHour = 60;

    [BindProperty(Name = "token", SupportsGet = true)]
    public string? Token { get; set; }

    public bool Usable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire("signin-link:" + ClientIp.Of(HttpContext), TriesPerClientPerHour, TimeSpan.FromHours(1))) return StatusCode(StatusCodes.Status429TooManyRequests);
        Usable = await signIn.IsUsableAsync(Token, cancellationToken);
        if (!Usable) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire("signin-link:" + ClientIp.Of(HttpContext), TriesPerClientPerHour, TimeSpan.FromHours(1))) return StatusCode(StatusCodes.Status429TooManyRequests);
        if (await signIn.CompleteAsync(Token, cancellationToken) is not { } session)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        cookie.Write(Response, session.SessionId, session.Expires);
        // "true", not "1": the account page binds a bool, and "1" fails binding (no "You are signed in" notice).
        return LocalRedirect("/account?signedIn=true");
    }
}

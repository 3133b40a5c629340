using System.Text.Encodings.Web;
using Digest.Core.Readers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Digest.Web.Readers;

/// <summary>
/// Authenticates a request by its session cookie against the store on every request (one indexed lookup), so a
/// sign-out everywhere or a disabled reader takes effect at once, with no cached ticket to outlive it. Pages that need
/// a reader send a signed-out browser to the sign-in page; API calls and form posts get a plain 401 or 403.
/// </summary>
public sealed class ReaderSessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ReaderSessions sessions,
    ReaderCookie cookie,
    TimeProvider timeProvider) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "reader-session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (cookie.Read(Request) is not { } sessionId) return AuthenticateResult.NoResult();
        var reader = await sessions.FindAsync(sessionId, timeProvider.GetUtcNow(), Context.RequestAborted);
        // A stale cookie is no error: the request goes on signed out.
        if (reader is null) return AuthenticateResult.NoResult();
        return AuthenticateResult.Success(new AuthenticationTicket(ReaderClaims.Principal(reader, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (HttpMethods.IsGet(Request.Method) && !Request.Path.StartsWithSegments("/api"))
        {
            var back = Request.PathBase + Request.Path + Request.QueryString;
            Response.Redirect(Request.PathBase + "/signin?returnUrl=" + Uri.EscapeDataString(back));
        }
        else
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

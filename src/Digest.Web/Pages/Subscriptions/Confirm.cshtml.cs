using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Subscriptions;

/// <summary>
/// The confirmation link's page. GET only shows a Confirm button: mail scanners open links, and a subscription must
/// be confirmed by a person. The POST confirms and goes on to the manage page.
/// </summary>
public sealed class ConfirmModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty(Name = "token", SupportsGet = true)]
    public string? Token { get; set; }

    public Subscription? Subscription { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!subscriptions.AllowLinkRequest(ClientIp.Of(HttpContext))) return StatusCode(StatusCodes.Status429TooManyRequests);
        Subscription = await subscriptions.FindByTokenAsync(Token, TokenPurpose.Confirm, cancellationToken);
        if (Subscription is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!subscriptions.AllowLinkRequest(ClientIp.Of(HttpContext))) return StatusCode(StatusCodes.Status429TooManyRequests);
        Subscription = await subscriptions.FindByTokenAsync(Token, TokenPurpose.Confirm, cancellationToken);
        if (Subscription is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await subscriptions.ConfirmAsync(Subscription, cancellationToken);
        // Our own page with a token we made: never a target taken from the request.
        return RedirectToPage("/Subscriptions/Manage", new { token = subscriptions.ManageToken(Subscription), done = "confirmed" });
    }
}

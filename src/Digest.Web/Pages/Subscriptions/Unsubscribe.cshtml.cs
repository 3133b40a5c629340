using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Subscriptions;

/// <summary>
/// The unsubscribe link in a digest's body. GET asks (mail scanners prefetch links, and must not unsubscribe anyone);
/// the button's POST unsubscribes. Mail clients use the one-click POST of <c>List-Unsubscribe</c> instead (SubscriptionEndpoints).
/// </summary>
public sealed class UnsubscribeModel(SubscriptionService subscriptions, SubscriptionStore store) : PageModel
{
    [BindProperty(Name = "token", SupportsGet = true)]
    public string? Token { get; set; }

    public Subscription? Subscription { get; private set; }

    public bool Done { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (Subscription is null) return loaded;
        await store.DeleteAsync(Subscription.Id, cancellationToken);
        Done = true;
        return Page();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        if (!subscriptions.AllowLinkRequest(ClientIp.Of(HttpContext))) return StatusCode(StatusCodes.Status429TooManyRequests);
        Response.Headers.CacheControl = "no-store";
        Subscription = await subscriptions.FindByTokenAsync(Token, TokenPurpose.Manage, cancellationToken);
        if (Subscription is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

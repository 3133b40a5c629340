using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Subscriptions;

/// <summary>A subscription's own page, reached by the signed link in every digest: change frequency, pause or resume, delete. No sign-in.</summary>
public sealed class ManageModel(SubscriptionService subscriptions, SubscriptionStore store) : PageModel
{
    [BindProperty(Name = "token", SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(Name = "done", SupportsGet = true)]
    public string? Done { get; set; }

    public Subscription? Subscription { get; private set; }

    public bool Deleted { get; private set; }

    /// <summary>The note for the last change; from a fixed list, never the request's text.</summary>
    public string? Message => Done switch
    {
        "confirmed" => "Confirmed. The first digest comes with the next run that finds new papers.",
        "frequency" => "Saved: how often you get the digest.",
        "paused" => "Paused: nothing is sent until you resume.",
        "resumed" => "Resumed: digests are sent again.",
        _ => null,
    };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostFrequencyAsync(string? frequency, CancellationToken cancellationToken) =>
        ChangeAsync(s => frequency == "weekly" || frequency == "daily"
            ? store.SetFrequencyAsync(s.Id, frequency == "weekly" ? SubscriptionFrequency.Weekly : SubscriptionFrequency.Daily, cancellationToken)
            : Task.CompletedTask, "frequency", cancellationToken);

    public Task<IActionResult> OnPostPauseAsync(CancellationToken cancellationToken) =>
        ChangeAsync(s => store.SetPausedAsync(s.Id, paused: true, cancellationToken), "paused", cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken) =>
        ChangeAsync(s => store.SetPausedAsync(s.Id, paused: false, cancellationToken), "resumed", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (Subscription is null) return loaded;
        await store.DeleteAsync(Subscription.Id, cancellationToken);
        Deleted = true;
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(Func<Subscription, Task> change, string done, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (Subscription is null) return loaded;
        await change(Subscription);
        return RedirectToPage("/Subscriptions/Manage", new { token = Token, done });
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

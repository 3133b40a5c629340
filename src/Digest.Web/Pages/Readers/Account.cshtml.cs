using Digest.Core.Readers;
using Digest.Core.Subscriptions;
using Digest.Web.Readers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Readers;

/// <summary>The reader's own page: who they are, their reading list and subscriptions, and signing out (here or everywhere).</summary>
[Authorize(Policy = ReaderPolicies.Reader)]
public sealed class AccountModel(ReaderSessions sessions, SavedPapers saved, SubscriptionStore subscriptions, SignInService signIn, ReaderCookie cookie, TimeProvider timeProvider) : PageModel
{
    public string Email { get; private set; } = "";

    public int Sessions { get; private set; }

    public int SavedCount { get; private set; }

    public IReadOnlyList<Subscription> Subscriptions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool SignedIn { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = User.ReaderId()!.Value;
        Email = User.ReaderEmail() ?? "";
        Sessions = await sessions.CountAsync(reader, timeProvider.GetUtcNow(), cancellationToken);
        SavedCount = (await saved.IdsAsync(reader, cancellationToken)).Count;
        Subscriptions = await subscriptions.ListByEmailAsync(Email, cancellationToken);
    }

    /// <summary>Signs this browser out.</summary>
    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(cookie.Read(Request), cancellationToken);
        cookie.Delete(Response);
        return LocalRedirect("/");
    }

    /// <summary>Ends every session of the reader, this one included.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await signIn.SignOutEverywhereAsync(User.ReaderId()!.Value, cancellationToken);
        cookie.Delete(Response);
        return LocalRedirect("/");
    }
}

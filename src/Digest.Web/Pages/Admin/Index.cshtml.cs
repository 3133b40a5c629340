using Digest.Core.Configuration;
using Digest.Core.Readers;
using Digest.Core.Submissions;
using Digest.Core.Subscriptions;
using Digest.Web.Readers;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Digest.Web.Pages.Admin;

/// <summary>
/// Curation: readers (invite, disable, enable) and the audit log of every curator action. Only admins reach it; the
/// policy is checked on the server for the page and every handler, whatever the browser shows.
/// </summary>
[Authorize(Policy = ReaderPolicies.Curator)]
public sealed class IndexModel(
    ReaderStore readers,
    PaperCuration curation,
    SubmissionService submissions,
    CuratorLog log,
    ReaderInvitations invitations,
    SignInMailComposer composer,
    SubscriptionMailQueue mails,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider) : PageModel
{
    public const int AuditRows = 200;

    public IReadOnlyList<Reader> Readers { get; private set; } = [];

    public IReadOnlyList<CuratorAction> Actions { get; private set; } = [];

    /// <summary>After an invite on an instance without mail: the link to pass on (shown once, to the admin only).</summary>
    public string? InviteLink { get; private set; }

    public string? Message { get; private set; }

    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "admin")]
    public bool Admin { get; set; }

    [BindProperty(Name = "reader")]
    public long ReaderId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (EmailAddress.Normalize(Email) is not { } address)
        {
            Message = "That does not look like an email address.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var (_, token, lifetime) = await invitations.InviteAsync(address, Admin, User.ReaderId()!.Value, cancellationToken);
        if (options.Value.Email.Enabled && mails.TryEnqueue(composer.SignIn(address, token, lifetime)))
        {
            Message = $"A sign-in link is on its way to {address}.";
        }
        else
        {
            InviteLink = SignInPaths.LinkUrl(options.Value.PublicBaseUrl ?? $"{Request.Scheme}://{Request.Host.ToUriComponent()}", token);
            Message = $"Pass this link on to {address}; it works once.";
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) => SetDisabledAsync(true, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) => SetDisabledAsync(false, cancellationToken);

    private async Task<IActionResult> SetDisabledAsync(bool disabled, CancellationToken cancellationToken)
    {
        // Disabling yourself would lock the last admin out; another admin (or the CLI) can.
        if (ReaderId == User.ReaderId()) return BadRequest("You cannot disable yourself.");
        if (!await curation.SetDisabledAsync(User.ReaderId()!.Value, ReaderId, disabled, cancellationToken)) return NotFound();
        return RedirectToPage();
    }

    /// <summary>Deletes every submission of the reader and takes those papers off the days they were submitted for.</summary>
    public async Task<IActionResult> OnPostRemoveSubmissionsAsync(CancellationToken cancellationToken)
    {
        if (await readers.GetAsync(ReaderId, cancellationToken) is not { } reader) return NotFound();
        var removed = await submissions.RemoveByReaderAsync(reader.Id, User.ReaderId()!.Value, cancellationToken);
        var detail = removed.Count == 0 ? "none" : string.Join(", ", removed.Take(20).Select(s => $"{s.PaperId} ({s.Day:yyyy-MM-dd})")) + (removed.Count > 20 ? $" and {removed.Count - 20} more" : "");
        await log.RecordAsync(User.ReaderId()!.Value, CuratorActionKinds.RemoveSubmissions, reader.Email, detail, timeProvider.GetUtcNow(), cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Readers = await readers.ListAsync(cancellationToken: cancellationToken);
        Actions = await log.RecentAsync(AuditRows, cancellationToken);
    }
}

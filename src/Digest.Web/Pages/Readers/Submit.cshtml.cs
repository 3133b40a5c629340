using Digest.Core.Configuration;
using Digest.Core.Submissions;
using Digest.Web.Readers;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Digest.Web.Pages.Readers;

/// <summary>A reader submits an arXiv paper for today's digest (UTC): fetched from arXiv, stored, and listed as submitted by them.</summary>
[Authorize(Policy = ReaderPolicies.Reader)]
public sealed class SubmitModel(SubmissionService submissions, FixedWindowLimiter limiter, IOptions<DigestOptions> options, TimeProvider timeProvider) : PageModel
{
    /// <summary>Longest text read from the form; the id parser refuses anything over 200 characters with a message.</summary>
    private const int MaxInputLength = 2_000;

    [BindProperty(Name = "paper")]
    public string? Text { get; set; }

    public SubmissionOutcome? Outcome { get; private set; }

    public bool TooMany { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Submission> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reader = User.ReaderId()!.Value;
        Today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (!limiter.TryAcquire("submit:" + reader, options.Value.Community.SubmissionsPerReaderPerDay, TimeSpan.FromDays(1)))
        {
            TooMany = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        else
        {
            Outcome = await submissions.SubmitAsync(reader, Text is { Length: > MaxInputLength } ? Text[..MaxInputLength] : Text, Today, cancellationToken);
            Response.StatusCode = Outcome.Result switch
            {
                SubmissionResult.Added => StatusCodes.Status200OK,
                SubmissionResult.InvalidId => StatusCodes.Status400BadRequest,
                SubmissionResult.NotFound => StatusCodes.Status404NotFound,
                SubmissionResult.Unreachable => StatusCodes.Status503ServiceUnavailable,
                SubmissionResult.NotStored => StatusCodes.Status500InternalServerError,
                _ => StatusCodes.Status409Conflict,
            };
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        Mine = await submissions.ListByReaderAsync(User.ReaderId()!.Value, cancellationToken);
    }
}

using Digest.Core.Configuration;
using Digest.Core.Readers;
using Digest.Web.Browsing;
using Digest.Web.Readers;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Digest.Web.Pages.Readers;

/// <summary>
/// The buttons on papers, as form posts (antiforgery-checked like every Razor Pages POST): upvote and save. A form post returns to the page it came from; a script asking for JSON gets the new state. The
/// paper id travels in the form, not the path: old-style arXiv ids hold a slash.
/// </summary>
[Authorize(Policy = ReaderPolicies.Reader)]
public sealed class ActionsModel(PaperVotes votes, SavedPapers saved, FixedWindowLimiter limiter, IOptions<DigestOptions> options) : PageModel
{
    [BindProperty(Name = "paper")]
    public string? PaperId { get; set; }

    /// <summary>"true" adds (a vote, a saved paper); anything else takes it back.</summary>
    [BindProperty(Name = "on")]
    public string? On { get; set; }

    [BindProperty(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    private bool Adding => PaperFormFields.IsOn(On);

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostVoteAsync(CancellationToken cancellationToken)
    {
        if (Invalid()) return BadRequest();
        var reader = User.ReaderId()!.Value;
        if (!limiter.TryAcquire("vote:" + reader, options.Value.Community.VotesPerReaderPerMinute, TimeSpan.FromMinutes(1))) return StatusCode(StatusCodes.Status429TooManyRequests);
        if (await votes.SetAsync(reader, PaperId!, Adding, cancellationToken) is not { } outcome) return NotFound();
        return Answer(outcome.PaperId, new { paper = outcome.PaperId, votes = outcome.Votes, voted = outcome.Voted });
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (Invalid()) return BadRequest();
        var (outcome, id) = await saved.SetAsync(User.ReaderId()!.Value, PaperId!, Adding, cancellationToken);
        return outcome switch
        {
            SaveOutcome.NoSuchPaper => NotFound(),
            SaveOutcome.ListFull => new ConflictObjectResult(new { error = $"The reading list holds at most {options.Value.Community.MaxSavedPapers} papers." }),
            _ => Answer(id!, new { paper = id, saved = outcome == SaveOutcome.Saved }),
        };
    }

    private bool Invalid() => !PaperFormFields.IsPaperId(PaperId) || (On?.Length ?? 0) > 5;

    private IActionResult Answer(string paperId, object json)
    {
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)) return new JsonResult(json);
        return LocalRedirect(LocalReturnUrl.Or(ReturnUrl, PaperUrls.For(paperId)));
    }
}

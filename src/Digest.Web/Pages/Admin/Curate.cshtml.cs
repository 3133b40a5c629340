using Digest.Core.Ingestion;
using Digest.Core.Readers;
using Digest.Web.Browsing;
using Digest.Web.Pages.Readers;
using Digest.Web.Readers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Admin;

/// <summary>Curators' buttons on papers (feature, take off a digest day), as antiforgery-checked form posts; each is recorded in the audit log.</summary>
[Authorize(Policy = ReaderPolicies.Curator)]
public sealed class CurateModel(PaperCuration curation, DigestDayRemoval removal, CuratorLog log, TimeProvider timeProvider) : PageModel
{
    [BindProperty(Name = "paper")]
    public string? PaperId { get; set; }

    [BindProperty(Name = "on")]
    public string? On { get; set; }

    /// <summary>The digest day (yyyy-mm-dd) a paper is taken off.</summary>
    [BindProperty(Name = "day")]
    public string? Day { get; set; }

    [BindProperty(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostFeatureAsync(CancellationToken cancellationToken)
    {
        if (!PaperFormFields.IsPaperId(PaperId)) return BadRequest();
        var featured = PaperFormFields.IsOn(On);
        if (await curation.SetFeaturedAsync(User.ReaderId()!.Value, PaperId, featured, cancellationToken) is not { } id) return NotFound();
        return LocalRedirect(LocalReturnUrl.Or(ReturnUrl, PaperUrls.For(id)));
    }

    /// <summary>Takes the paper off one digest day; a later ingest of that day's page does not put it back.</summary>
    public async Task<IActionResult> OnPostRemoveFromDayAsync(CancellationToken cancellationToken)
    {
        if (!PaperFormFields.IsPaperId(PaperId) || Day is null || !IngestRequest.TryParseDate(Day, out var day)) return BadRequest();
        if (!await removal.RemoveAsync(PaperId, day, cancellationToken)) return NotFound();
        await log.RecordAsync(User.ReaderId()!.Value, CuratorActionKinds.RemoveFromDay, PaperId, Day, timeProvider.GetUtcNow(), cancellationToken);
        return LocalRedirect(LocalReturnUrl.Or(ReturnUrl, PaperUrls.Day(day)));
    }
}

using Digest.Core.Subscriptions;
using Digest.Core.Topics;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Subscriptions;

/// <summary>Takes the subscribe form (antiforgery-checked, as every Razor Pages POST) and answers the same for every valid address.</summary>
public sealed class SubscribeModel(SubscriptionService subscriptions, TaxonomyProvider taxonomies) : PageModel
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "view", SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(Name = "frequency")]
    public string? Frequency { get; set; }

    public SubscribeOutcome? Outcome { get; private set; }

    /// <summary>The view's canonical local URL and title, when the view is one; the only link back (never the posted text).</summary>
    public string? ViewUrl { get; private set; }

    public string ViewTitle { get; private set; } = "";

    public bool Enabled => subscriptions.Enabled;

    public IActionResult OnGet()
    {
        Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (IsOversized(Email) || IsOversized(View) || IsOversized(Frequency) || ParseFrequency(Frequency) is not { } frequency)
        {
            Outcome = SubscribeOutcome.InvalidAddress;
            Describe();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Outcome = await subscriptions.SubscribeAsync(Email, View, frequency, ClientIp.Of(HttpContext), cancellationToken);
        Describe();
        Response.StatusCode = Outcome switch
        {
            SubscribeOutcome.Accepted => StatusCodes.Status200OK,
            SubscribeOutcome.TooManyRequests => StatusCodes.Status429TooManyRequests,
            SubscribeOutcome.NotConfigured => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    private void Describe()
    {
        if (IsOversized(View)) return;
        var taxonomy = taxonomies.Current;
        ViewUrl = SubscriptionViews.Normalize(View, taxonomy);
        if (ViewUrl is not null) ViewTitle = SubscriptionViews.Title(ViewUrl, taxonomy);
    }

    private static bool IsOversized(string? value) => value is { Length: > SubscriptionLimits.MaxFieldLength };

    private static SubscriptionFrequency? ParseFrequency(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "daily" => SubscriptionFrequency.Daily,
        "weekly" => SubscriptionFrequency.Weekly,
        _ => null,
    };
}

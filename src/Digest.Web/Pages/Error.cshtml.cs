using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages;

/// <summary>
/// The answer for every error status and unhandled exception (re-executed by the status-code and exception
/// middleware): a friendly page, or problem JSON when the failed request was for <c>/api</c>.
/// It never shows exception details: those go to the log.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Duration = 0)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int? code) => Describe(code);

    public IActionResult OnPost(int? code) => Describe(code);

    private IActionResult Describe(int? code)
    {
        Status = code is >= 400 and <= 599 ? code.Value : HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : 500;
        (Heading, Explanation) = Status switch
        {
            404 => ("Page not found", "There is no page at this address. The paper, topic or day may not exist, or the link may be mistyped."),
            400 => ("That request could not be understood", "Something in the address was not valid. Check the link, or start again from the search box."),
            405 => ("Not allowed", "This address cannot be used that way."),
            408 => ("The request took too long", "The request did not arrive in time. Please try again."),
            413 => ("The request is too large", "What was sent is larger than this server accepts."),
            429 => ("Too many requests at once", "Several requests from your address are already being answered. Wait a second and try again."),
            _ when Status >= 500 => ("Something went wrong", "The server could not answer this request. It has been logged; please try again in a moment."),
            _ => ("Something went wrong", "The request could not be completed."),
        };

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (originalPath is not null && originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonResult(new ProblemDetails { Status = Status, Title = Heading, Detail = Explanation })
            {
                StatusCode = Status,
                ContentType = "application/problem+json",
            };
        }
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            Response.StatusCode = Status;
        }
        return Page();
    }
}

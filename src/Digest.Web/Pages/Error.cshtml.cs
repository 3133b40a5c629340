using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages;

/// <summary>
/// The friendly page for every error status (re-executed by the status-code and exception middleware).
/// It never shows exception details: those go to the log.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Duration = 0)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Status = code ?? (HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : 500);
        (Heading, Explanation) = Status switch
        {
            404 => ("Page not found", "There is no page at this address. The paper, topic or day may not exist, or the link may be mistyped."),
            400 => ("That request could not be understood", "Something in the address was not valid. Check the link, or start again from the search box."),
            405 => ("Not allowed", "This address cannot be used that way."),
            _ when Status >= 500 => ("Something went wrong", "The server could not answer this request. It has been logged; please try again in a moment."),
            _ => ("Something went wrong", "The request could not be completed."),
        };
    }
}

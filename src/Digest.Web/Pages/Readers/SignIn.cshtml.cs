using Digest.Core.Configuration;
using Digest.Core.Subscriptions;
using Digest.Web.Readers;
using Digest.Web.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Readers;

/// <summary>Asks for a sign-in link by mail. Every valid address gets the same answer (see <see cref="SignInService"/>).</summary>
public sealed class SignInModel(SignInService signIn) : PageModel
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    public SignInRequestOutcome? Outcome { get; private set; }

    public bool MailEnabled => signIn.MailEnabled;

    public bool OpenSignUp => signIn.SignUp == SignUpMode.Open;

    public bool SignedIn => User.ReaderId() is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Outcome = Email is { Length: > EmailAddress.MaxLength + 10 }
            ? SignInRequestOutcome.InvalidAddress
            : await signIn.RequestLinkAsync(Email, ClientIp.Of(HttpContext), cancellationToken);
        Response.StatusCode = Outcome switch
        {
            SignInRequestOutcome.Accepted => StatusCodes.Status200OK,
            SignInRequestOutcome.TooManyRequests => StatusCodes.Status429TooManyRequests,
            SignInRequestOutcome.MailNotConfigured => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }
}

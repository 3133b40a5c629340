using System.Text.Encodings.Web;
using Digest.Core.Configuration;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Digest.Web.Readers;

/// <summary>The sign-in mail: plain text and HTML, the link built on Digest:PublicBaseUrl (required with email).</summary>
public sealed class SignInMailComposer(SmtpMailSender sender, IOptions<DigestOptions> options)
{
    private readonly string _base = (options.Value.PublicBaseUrl ?? "http://localhost").TrimEnd('/');

    public MimeMessage SignIn(string email, string token, TimeSpan lifetime)
    {
        var link = SignInPaths.LinkUrl(_base, token);
        var minutes = (int)Math.Round(lifetime.TotalMinutes);
        var text = $"""
            Someone (hopefully you) asked to sign in to Digest with this address.
            Open this link and press Sign in; it works once, for {minutes} minutes:
            {link}

            If you did not ask for this, ignore this mail: nobody can sign in without the link.
            """;
        var html = "<!doctype html><html><body style=\"font-family:system-ui,sans-serif;color:#111;max-width:560px\">"
            + "<p style=\"margin:0 0 12px\">Someone (hopefully you) asked to sign in to Digest with this address.</p>"
            + $"<p style=\"margin:0 0 12px\"><a href=\"{HtmlEncoder.Default.Encode(link)}\" style=\"display:inline-block;padding:10px 16px;background:#1a56db;color:#fff;text-decoration:none;border-radius:6px\">Sign in to Digest</a></p>"
            + $"<p style=\"margin:0;color:#555\">The link works once, for {minutes} minutes. If you did not ask for this, ignore this mail.</p>"
            + "</body></html>";
        var message = new MimeMessage { Subject = "Your Digest sign-in link" };
        message.From.Add(sender.From);
        message.To.Add(MailboxAddress.Parse(email));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}

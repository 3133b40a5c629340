using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Digest.Core.Papers;
using Digest.Core.Subscriptions;
using Digest.Core.Text;
using MimeKit;

namespace Digest.Web.Subscriptions;

/// <summary>
/// Writes the mails: confirmation, "already subscribed" and the digest. Each is multipart/alternative (plain text and
/// HTML). The HTML has inline styles only, no remote images or scripts, and every value in it is HTML-encoded:
/// titles, authors and abstracts come from feeds and are untrusted. Only http(s) links from the store are used.
/// </summary>
public sealed class DigestMailComposer(SmtpMailSender sender, SubscriptionLinks links)
{
    /// <summary>Characters of the abstract shown per paper.</summary>
    public const int ExcerptLength = 300;

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public MimeMessage Confirmation(Subscription subscription)
    {
        var confirm = links.Confirm(subscription);
        var text = $"""
            Someone (hopefully you) asked for {Frequency(subscription)} email digests of new papers in “{subscription.Title}” on Digest.

            To start them, open this link and press Confirm:
            {confirm}

            If you did not ask for this, ignore this mail: nothing more will be sent.
            """;
        var html = Page("Confirm your Digest subscription",
            $"<p style=\"margin:0 0 12px\">Someone (hopefully you) asked for {Html.Encode(Frequency(subscription))} email digests of new papers in <strong>{Html.Encode(subscription.Title)}</strong> on Digest.</p>"
            + $"<p style=\"margin:0 0 12px\"><a href=\"{Html.Encode(confirm)}\" style=\"{ButtonStyle}\">Confirm the subscription</a></p>"
            + "<p style=\"margin:0;color:#555\">If you did not ask for this, ignore this mail: nothing more will be sent.</p>");
        return Message(subscription, "Confirm your Digest subscription: " + subscription.Title, text, html);
    }

    public MimeMessage AlreadySubscribed(Subscription subscription)
    {
        var manage = links.Manage(subscription);
        var text = $"""
            Someone (hopefully you) asked to subscribe this address to “{subscription.Title}” on Digest. It already is.

            Change how often it is sent, pause or delete it here:
            {manage}
            """;
        var html = Page("You already follow this view",
            $"<p style=\"margin:0 0 12px\">Someone (hopefully you) asked to subscribe this address to <strong>{Html.Encode(subscription.Title)}</strong> on Digest. It already is.</p>"
            + $"<p style=\"margin:0\"><a href=\"{Html.Encode(manage)}\" style=\"color:#1a56db\">Manage the subscription</a> (change how often, pause, delete).</p>");
        return Message(subscription, "Your Digest subscription: " + subscription.Title, text, html);
    }

    /// <summary>The digest of <paramref name="papers"/> (newest first) for <paramref name="period"/>, with one-click unsubscribe headers (RFC 8058).</summary>
    public MimeMessage Digest(Subscription subscription, IReadOnlyList<Paper> papers, string period)
    {
        var manage = links.Manage(subscription);
        var unsubscribe = links.Unsubscribe(subscription);
        var count = CountPhrase.Of(papers.Count, "new paper");
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{count} in “{subscription.Title}”\n{links.View(subscription)}\n\n");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 16px\">{Html.Encode(count)} in <a href=\"{Html.Encode(links.View(subscription))}\" style=\"color:#1a56db\">{Html.Encode(subscription.Title)}</a></p>");
        foreach (var paper in papers)
        {
            var page = links.Paper(paper.Id);
            var authors = Authors(paper);
            var excerpt = Excerpt(paper.Abstract);
            var others = OtherLinks(paper);
            text.Append(CultureInfo.InvariantCulture, $"* {OneLine(paper.Title)}\n  {authors}\n  {excerpt}\n  {page}\n");
            foreach (var (label, url) in others) text.Append(CultureInfo.InvariantCulture, $"  {label}: {url}\n");
            text.Append('\n');

            html.Append("<div style=\"margin:0 0 18px;padding:0 0 14px;border-bottom:1px solid #e5e5e5\">");
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 4px;font-size:16px;font-weight:bold\"><a href=\"{Html.Encode(page)}\" style=\"color:#111;text-decoration:none\">{Html.Encode(OneLine(paper.Title))}</a></p>");
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 6px;color:#555;font-size:13px\">{Html.Encode(authors)}</p>");
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 6px;font-size:14px;line-height:1.45\">{Html.Encode(excerpt)}</p>");
            html.Append("<p style=\"margin:0;font-size:13px\">");
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Html.Encode(page)}\" style=\"color:#1a56db\">On Digest</a>");
            foreach (var (label, url) in others) html.Append(CultureInfo.InvariantCulture, $" · <a href=\"{Html.Encode(url)}\" style=\"color:#1a56db\">{Html.Encode(label)}</a>");
            html.Append("</p></div>");
        }
        text.Append(CultureInfo.InvariantCulture, $"--\nYou get this {Frequency(subscription)} because {subscription.Email} follows this view on Digest.\nManage (change how often, pause, delete): {manage}\nUnsubscribe: {unsubscribe}\n");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:16px 0 0;color:#555;font-size:12px\">You get this {Html.Encode(Frequency(subscription))} because {Html.Encode(subscription.Email)} follows this view on Digest. <a href=\"{Html.Encode(manage)}\" style=\"color:#555\">Manage the subscription</a> · <a href=\"{Html.Encode(unsubscribe)}\" style=\"color:#555\">Unsubscribe</a></p>");

        var message = Message(subscription, $"Digest: {count} in {subscription.Title}", text.ToString(), Page("Digest: " + count, html.ToString()));
        // The same id for a period's digest whoever sends it: a resend after a crash in the instant between the server
        // taking the mail and the store recording it is recognisable as the same mail.
        message.MessageId = $"digest-{subscription.Id}-{period}@{links.Host}";
        message.Headers.Add("List-Id", $"Digest digests <digest.{links.Host}>");
        message.Headers.Add("List-Unsubscribe", $"<{links.OneClick(subscription)}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private const string ButtonStyle = "display:inline-block;background:#1a56db;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:bold";

    private MimeMessage Message(Subscription subscription, string subject, string text, string html)
    {
        var message = new MimeMessage();
        message.From.Add(sender.From);
        // The address was checked to be a plain address (EmailAddress); no display name, so nothing to inject.
        message.To.Add(new MailboxAddress("", subscription.Email));
        message.Subject = TextShortening.Shorten(OneLine(subject), 180);
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string Page(string heading, string body) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + $"<title>{Html.Encode(heading)}</title></head>"
        + "<body style=\"margin:0;padding:24px;background:#f6f6f6;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#111\">"
        + "<div style=\"max-width:640px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px\">"
        + $"<h1 style=\"margin:0 0 16px;font-size:20px\">{Html.Encode(heading)}</h1>{body}</div></body></html>";

    private static string Frequency(Subscription subscription) => subscription.Frequency == SubscriptionFrequency.Daily ? "daily" : "weekly";

    private static string Authors(Paper paper) =>
        paper.Authors.Count <= 6 ? string.Join(", ", paper.Authors.Select(OneLine)) : string.Join(", ", paper.Authors.Take(5).Select(OneLine)) + $" and {paper.Authors.Count - 5} more";

    private static IEnumerable<(string Label, string Url)> OtherLinks(Paper paper)
    {
        if (paper.AbsUrl is { } abs) yield return ("arXiv", abs);
        if (paper.PdfUrl is { } pdf) yield return ("PDF", pdf);
        if (paper.CodeUrls.FirstOrDefault(IsWebLink) is { } code) yield return ("Code", code);
    }

    /// <summary>Only http(s): a <c>javascript:</c> or <c>data:</c> link from a hostile feed never reaches a mail.</summary>
    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string Excerpt(string text)
    {
        var line = OneLine(text);
        if (line.Length <= ExcerptLength) return line;
        var cut = line.LastIndexOf(' ', ExcerptLength);
        return line[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)] + "…";
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c);
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

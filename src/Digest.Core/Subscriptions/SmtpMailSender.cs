using Digest.Core.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Digest.Core.Subscriptions;

/// <summary>Sends mail through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpMailSender(EmailOptions options)
{
    /// <summary>Time allowed for each SMTP step (connect, a command, the data).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The configured sender.</summary>
    public MailboxAddress From { get; } = options.Enabled ? MailboxAddress.Parse(options.From!) : new MailboxAddress("Digest", "digest@localhost");

    /// <summary>Sends <paramref name="message"/>; throws on any failure (refused connection, TLS, authentication, a rejected message).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (!options.Enabled) throw new InvalidOperationException("Email is not set up (Digest:Email:SmtpHost).");
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        var security = options.Security switch
        {
            EmailSecurity.None => SecureSocketOptions.None,
            EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.SmtpHost!.Trim(), options.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrWhiteSpace(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        try
        {
            // The server has the mail: a stop or a hang-up now must not make the caller think it was not sent.
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
        {
            // The QUIT is a courtesy.
        }
    }
}

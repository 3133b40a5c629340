using System.Threading.Channels;
using MimeKit;

namespace Digest.Web.Subscriptions;

/// <summary>
/// Mails caused by the subscribe form (confirmations, "already subscribed" notes), sent in the background by
/// <c>SubscriptionMailService</c>. The form answers before any SMTP exchange, so its timing cannot tell whether a mail
/// went out, which would tell whether the address was at a limit. Bounded: a flood is dropped, not buffered; mails
/// still queued at shutdown are lost, and the person asks again.
/// </summary>
public sealed class SubscriptionMailQueue
{
    private readonly Channel<MimeMessage> _channel = Channel.CreateBounded<MimeMessage>(new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool TryEnqueue(MimeMessage message) => _channel.Writer.TryWrite(message);

    public ChannelReader<MimeMessage> Reader => _channel.Reader;
}

using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;

namespace Digest.Web.Hosting;

/// <summary>Sends the subscribe form's mails from <see cref="SubscriptionMailQueue"/>, one after another; a failure is logged and the next one is tried.</summary>
internal sealed class SubscriptionMailService(SubscriptionMailQueue queue, SmtpMailSender sender, ILogger<SubscriptionMailService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await sender.SendAsync(message, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogWarning("Could not send a subscription mail ({Subject}): {Error}", message.Subject, e.GetBaseException().Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped (see SubscriptionMailQueue).
        }
    }
}

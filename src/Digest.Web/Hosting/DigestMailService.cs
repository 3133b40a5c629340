using Digest.Core.Configuration;
using Digest.Core.Subscriptions;
using Digest.Web.Subscriptions;
using Microsoft.Extensions.Options;

namespace Digest.Web.Hosting;

/// <summary>
/// Sends the due email digests at <c>Digest:Email:SendAt</c> (UTC) every day, and retries failed ones when their
/// backoff ends. It also runs at start: what fell due while the app was stopped goes out then. Nothing is sent twice,
/// since every period's send is recorded (see <see cref="DigestMailRunner"/>).
/// </summary>
internal sealed class DigestMailService(DigestMailRunner runner, SubscriptionStore store, IOptions<DigestOptions> options, TimeProvider timeProvider, ILogger<DigestMailService> logger) : BackgroundService
{
    /// <summary>Longest sleep between checks, so a clock change or a send by the CLI is noticed.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var email = options.Value.Email;
        if (!email.Enabled) return;
        logger.LogInformation("Email digests are sent daily at {SendAt} UTC through {Host}:{Port}", email.SendAt, email.SmtpHost, email.SmtpPort);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
                var now = timeProvider.GetUtcNow();
                var next = DigestPeriod.NextRun(now, email.SendAt);
                if (await store.EarliestRetryAsync(stoppingToken) is { } retry && retry < next) next = retry;
                if (next > now + MaxSleep) next = now + MaxSleep;
                var sleep = next - timeProvider.GetUtcNow();
                if (sleep > TimeSpan.Zero) await Task.Delay(sleep, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy store now is no reason to stop sending later.
                logger.LogError(e, "Email digest run failed; retrying in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

namespace Digest.Web.Uploads;

/// <summary>At start, before the server takes requests, deletes the spool files of uploads a crash interrupted.</summary>
internal sealed class UploadSpoolCleanup(UploadSpool spool) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        spool.DeleteLeftovers();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Digest.Core.Startup;

namespace Digest.Web.Hosting;

/// <summary>Runs <see cref="DigestInitializer"/> before the server starts listening, so the first request finds a ready store and index.</summary>
internal sealed class DigestStartupService(DigestInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(seedSample: true, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

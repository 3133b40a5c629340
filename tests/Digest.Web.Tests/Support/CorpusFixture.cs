namespace Digest.Web.Tests.Support;

/// <summary>One app over <see cref="TestCorpus"/> per test class. The tests using it only read, so sharing cannot couple them.</summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public DigestAppFactory App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestCorpus.CreateAppAsync();
        Client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}

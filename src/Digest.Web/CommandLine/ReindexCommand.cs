using Digest.Core.Indexing;
using Digest.Core.Storage;
using Digest.Core.Text;

namespace Digest.Web.CommandLine;

/// <summary>
/// <c>reindex</c>: rebuilds the index from the store. When the running app owns the index, the request is left in the
/// store and the app performs it (its index sync picks it up); the verb waits for it to finish.
/// </summary>
public sealed class ReindexCommand : ICliCommand
{
    public string Verb => "reindex";

    public string Usage => "reindex   (rebuild the search index from the store)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count > 0) throw new CliUsageException($"unexpected argument '{arguments.Positional[0]}'");
        var store = services.GetRequiredService<PaperStore>();
        if (services.GetRequiredService<IIndexOwnership>() is OwnedIndex owned)
        {
            var count = await owned.Synchronizer.RebuildAsync(cancellationToken);
            await output.WriteLineAsync($"Index rebuilt from the store: {CountPhrase.Of(count, "paper")}.");
            return 0;
        }

        var requestedAt = DateTimeOffset.UtcNow.ToString("O");
        await store.SetSettingAsync(ReindexRequest.SettingKey, requestedAt, cancellationToken);
        await output.WriteLineAsync("Another process owns the index (normally the running app); asked it to rebuild. Waiting…");
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, cancellationToken);
            if (await store.GetSettingAsync(ReindexRequest.SettingKey, cancellationToken) is null)
            {
                await output.WriteLineAsync("Index rebuilt by the running app.");
                return 0;
            }
        }
        await error.WriteLineAsync("The running app has not rebuilt the index within 10 minutes; it will do it at its next index sync.");
        return 1;
    }
}

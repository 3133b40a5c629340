using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Semantic;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Core.Subscriptions;
using Digest.Core.Text;
using Microsoft.Extensions.Options;

namespace Digest.Web.CommandLine;

/// <summary><c>stats</c>: what the store and the index hold, and whether they are in step.</summary>
public sealed class StatsCommand : ICliCommand
{
    public string Verb => "stats";

    public string Usage => "stats   (papers, index, semantic embeddings, recent ingest runs)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        var stats = await services.GetRequiredService<PaperStore>().GetStatsAsync(cancellationToken);
        await output.WriteLineAsync($"Data directory: {options.DataPath}");
        await output.WriteLineAsync($"Papers: {stats.Papers:N0} ({stats.WithArxivId:N0} with arXiv id, {stats.WithCode:N0} with code, {stats.WithTopics:N0} with topics)");
        await output.WriteLineAsync($"Published: {stats.OldestPublished ?? "-"} to {stats.NewestPublished ?? "-"}");
        await output.WriteLineAsync($"Store: {FileSize(options.DatabasePath)}, change {stats.ChangeSeq}");

        // Through the owned instance, or read-only from disk when the running app owns the index.
        var (documents, indexSeq) = services.GetRequiredService<IIndexOwnership>().ReadCommitted();
        var inStep = indexSeq >= stats.ChangeSeq ? "in step with the store" : $"behind the store ({CountPhrase.Of(stats.ChangeSeq - indexSeq, "change")} to index)";
        await output.WriteLineAsync($"Index: {CountPhrase.Of(documents, "document")}, {DirectorySize(options.IndexPath)}, change {indexSeq}, {inStep}");
        await output.WriteLineAsync(await SemanticLineAsync(services, options, cancellationToken));
        foreach (var run in stats.RecentRuns)
        {
            await output.WriteLineAsync($"Ingest {run.FinishedAt} ({run.Origin}): {run.Seen:N0} seen, {run.Added:N0} added, {run.Updated:N0} updated, {run.Rejected:N0} rejected");
        }
        foreach (var source in await services.GetRequiredService<SourceStatusStore>().GetAllAsync(cancellationToken))
        {
            var failing = source.Failing ? $", failing ({source.ConsecutiveFailures}x): {source.LastError}" : source.LastError is null ? "" : $", last error {source.LastErrorAt}: {source.LastError}";
            await output.WriteLineAsync($"Source {source.Name}: last success {source.LastSuccessAt ?? "never"} ({source.LastAdded:N0} added){failing}");
        }
        await output.WriteLineAsync(await EmailLineAsync(services, options, cancellationToken));
        return 0;
    }

    /// <summary>From the store: the embedding app may be another process; its rate is read from the rows' times.</summary>
    private static async Task<string> SemanticLineAsync(IServiceProvider services, DigestOptions options, CancellationToken cancellationToken)
    {
        if (!options.Semantic.Enabled) return "Semantic search: off (Digest:Semantic:Enabled)";
        var progress = await services.GetRequiredService<EmbeddingStore>().GetProgressAsync(options.Semantic.Model.ToString(), cancellationToken);
        return $"Semantic search: {progress.Describe()}";
    }

    private static async Task<string> EmailLineAsync(IServiceProvider services, DigestOptions options, CancellationToken cancellationToken)
    {
        var stats = await services.GetRequiredService<SubscriptionStore>().GetStatsAsync(cancellationToken);
        var setup = options.Email.Enabled ? $"via {options.Email.SmtpHost}:{options.Email.SmtpPort} at {options.Email.SendAt:hh\\:mm} UTC" : "off (no Digest:Email:SmtpHost)";
        var failing = stats.Failing > 0 ? $"; {stats.Failing} failing, retried with backoff, last error {stats.LastErrorAt}: {stats.LastError}" : "";
        return $"Email digests {setup}: {stats.Active:N0} active, {stats.Paused:N0} paused, {stats.Pending:N0} waiting for confirmation; {CountPhrase.Of(stats.DigestsSent, "digest")} sent (last {stats.LastSentAt ?? "never"}){failing}";
    }

    private static string FileSize(string path) => File.Exists(path) ? Megabytes(new FileInfo(path).Length) : "missing";

    private static string DirectorySize(string path) =>
        Directory.Exists(path) ? Megabytes(new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length)) : "missing";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}

using System.Globalization;
using Digest.Core.Storage;
using Digest.Core.Text;
using Digest.Core.Topics;

namespace Digest.Web.CommandLine;

/// <summary>
/// <c>topics reassign|quality|suggest [--top N]|check</c>: the curator's tools. <c>reassign</c> files every stored paper again
/// with the current taxonomy (the app also does it at start when the taxonomy changed); <c>quality</c> prints coverage and
/// topic shares; <c>suggest</c> lists frequent phrases among papers with no topic, to grow the taxonomy; <c>check</c>
/// validates the data directory's taxonomy file.
/// </summary>
public sealed class TopicsCommand : ICliCommand
{
    public string Verb => "topics";

    public string Usage => "topics reassign | quality | suggest [--top N] | check";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "top" };

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count != 1) throw new CliUsageException("say what to do: reassign, quality, suggest or check");
        var assigner = services.GetRequiredService<TopicAssigner>();
        switch (arguments.Positional[0])
        {
            case "reassign":
                var result = await services.GetRequiredService<TopicReassigner>().ReassignAllAsync(cancellationToken);
                await output.WriteLineAsync($"Topics re-assigned with {CountPhrase.Of(assigner.Taxonomy.Topics.Count, "topic")}: {CountPhrase.Of(result.Papers, "paper")}, {result.Changed:N0} changed.");
                if (result.RemovedSlugs.Count > 0) await output.WriteLineAsync($"Slugs no longer in the taxonomy (bookmarks to them now show 'no such topic'): {string.Join(", ", result.RemovedSlugs)}");
                if (result.AddedSlugs.Count > 0) await output.WriteLineAsync($"New slugs: {string.Join(", ", result.AddedSlugs)}");
                return 0;

            case "quality":
                var papers = await ReadAllAsync(services.GetRequiredService<PaperStore>(), cancellationToken);
                TopicQualityReport.Compute(assigner, papers).Format(output);
                return 0;

            case "suggest":
                var top = 30;
                if (arguments.Option("top") is { } topText && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > 1000))
                {
                    throw new CliUsageException($"--top '{topText}' is not a number between 1 and 1000");
                }
                var all = await ReadAllAsync(services.GetRequiredService<PaperStore>(), cancellationToken);
                UncoveredPhraseFinder.Find(assigner, all, top).Format(output);
                return 0;

            case "check":
                var problems = services.GetRequiredService<TaxonomyProvider>().Problems;
                if (problems.Count == 0)
                {
                    await output.WriteLineAsync($"The taxonomy is valid: {CountPhrase.Of(assigner.Taxonomy.Topics.Count, "topic")}.");
                    return 0;
                }
                foreach (var problem in problems) await error.WriteLineAsync(problem.ToString());
                return 1;

            default:
                throw new CliUsageException($"unknown action '{arguments.Positional[0]}'");
        }
    }

    private static async Task<List<Digest.Core.Papers.Paper>> ReadAllAsync(PaperStore store, CancellationToken cancellationToken)
    {
        var papers = new List<Digest.Core.Papers.Paper>();
        await foreach (var paper in store.ReadAllAsync(cancellationToken)) papers.Add(paper);
        return papers;
    }
}

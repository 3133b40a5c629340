using Digest.Core.Configuration;
using Digest.Core.Sources;
using Microsoft.Extensions.Options;

namespace Digest.Web.CommandLine;

/// <summary><c>fetch [NAME...]</c>: fetches configured remote sources now (all, or those named), outside their schedule.</summary>
public sealed class FetchCommand : ICliCommand
{
    public string Verb => "fetch";

    public string Usage => "fetch [NAME...]   (fetch configured remote sources now)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configured = services.GetRequiredService<IOptions<DigestOptions>>().Value.Sources;
        var unknown = arguments.Positional.Where(n => !configured.Any(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) throw new CliUsageException($"no source named {string.Join(", ", unknown)}; configured: {string.Join(", ", configured.Select(s => s.Name).DefaultIfEmpty("none (see Digest:Sources)"))}");
        var selected = arguments.Positional.Count == 0 ? configured : configured.Where(s => arguments.Positional.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (selected.Count == 0)
        {
            await error.WriteLineAsync("No remote sources are configured (Digest:Sources).");
            return 2;
        }

        var runner = services.GetRequiredService<RemoteSourceRunner>();
        var failed = 0;
        foreach (var source in selected)
        {
            var result = await runner.RunAsync(source, cancellationToken);
            if (result.Report is { } report)
            {
                await output.WriteLineAsync($"{source.Name}: {report.Seen:N0} fetched, {report.Added:N0} added, {report.Updated:N0} updated, {report.Rejected:N0} rejected");
            }
            else
            {
                failed++;
                await output.WriteLineAsync($"{source.Name}: failed: {result.Error}");
            }
        }
        return failed == 0 ? 0 : failed == selected.Count ? 2 : 1;
    }
}

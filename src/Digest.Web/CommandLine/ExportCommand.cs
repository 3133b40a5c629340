using System.Text;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Storage;
using Digest.Core.Text;

namespace Digest.Web.CommandLine;

/// <summary><c>export [--out FILE]</c>: every paper as JSON Lines (the format <c>ingest</c> reads back losslessly).</summary>
public sealed class ExportCommand : ICliCommand
{
    public string Verb => "export";

    public string Usage => "export [--out FILE]   (JSON Lines; standard output without --out)";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "out" };

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count > 0) throw new CliUsageException($"unexpected argument '{arguments.Positional[0]}'");
        var store = services.GetRequiredService<PaperStore>();
        var path = arguments.Option("out");
        if (path is null)
        {
            await PaperJsonLinesWriter.WriteAsync(output, store.ReadAllAsync(cancellationToken), cancellationToken);
            return 0;
        }

        // Written beside the target and renamed at the end, so an interrupted export never leaves a half file under the real name.
        var partial = path + ".part";
        await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            await PaperJsonLinesWriter.WriteAsync(writer, store.ReadAllAsync(cancellationToken), cancellationToken);
        }
        File.Move(partial, path, overwrite: true);
        await error.WriteLineAsync($"Exported {CountPhrase.Of(await store.CountAsync(cancellationToken), "paper")} to {path}");
        return 0;
    }
}

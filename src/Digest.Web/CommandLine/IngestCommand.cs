using Digest.Core.Ingestion;

namespace Digest.Web.CommandLine;

/// <summary><c>ingest PATH... [--format F] [--date yyyy-mm-dd] [--year yyyy]</c>: reads files (or every file in a folder) into the store.</summary>
public sealed class IngestCommand : ICliCommand
{
    public string Verb => "ingest";

    public string Usage => $"ingest PATH... [--format {string.Join("|", SourceFormatNames.All)}] [--date yyyy-mm-dd] [--year yyyy]";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "format", "date", "year" };

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var request = ReadRequest(arguments);
        if (arguments.Positional.Count == 0) throw new CliUsageException("give at least one file or folder");
        var sources = new List<IngestSource>();
        foreach (var path in arguments.Positional)
        {
            if (Directory.Exists(path))
            {
                sources.AddRange(Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).Select(IngestSource.FromFile));
            }
            else
            {
                // A missing file is reported like any unreadable file, beside the ones that could be read.
                sources.Add(IngestSource.FromFile(path));
            }
        }

        var ingest = services.GetRequiredService<IngestService>();
        using var progress = TerminalProgress.Create(error);
        var report = await ingest.IngestAsync(sources, request, progress, cancellationToken);
        progress?.Finish();
        await output.WriteAsync(report.ToText());
        if (!ingest.IndexesItself && (report.Added > 0 || report.Updated > 0))
        {
            await output.WriteLineAsync("Another process holds the index (see the note above): these papers are searchable once it indexes them.");
        }
        return report.ExitCode;
    }

    private static IngestRequest ReadRequest(CliArguments arguments)
    {
        // Local files the operator named: a snapshot larger than Digest:Limits:MaxFileBytes is read (see IngestRequest.AllowLargeFiles).
        var request = new IngestRequest { Origin = "cli", AllowLargeFiles = true };
        if (arguments.Option("format") is { } formatName)
        {
            if (!SourceFormatNames.TryParse(formatName, out var format))
            {
                throw new CliUsageException($"unknown format '{formatName}'; expected one of: {string.Join(", ", SourceFormatNames.All)}");
            }
            request = request with { Format = format };
        }
        if (arguments.Option("date") is { } dateText)
        {
            if (!IngestRequest.TryParseDate(dateText, out var date))
            {
                throw new CliUsageException($"--date '{dateText}' is not a date in the form yyyy-mm-dd");
            }
            request = request with { Date = date };
        }
        if (arguments.Option("year") is { } yearText)
        {
            if (!IngestRequest.TryParseYear(yearText, out var year))
            {
                throw new CliUsageException($"--year '{yearText}' is not a year between {IngestRequest.MinYear} and {IngestRequest.MaxYear}");
            }
            request = request with { Year = year };
        }
        return request;
    }
}

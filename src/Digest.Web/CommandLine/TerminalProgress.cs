using Digest.Core.Ingestion;

namespace Digest.Web.CommandLine;

/// <summary>Shows a long ingest's progress (records and records/s) on one terminal line; nothing when output is redirected.</summary>
public sealed class TerminalProgress : IProgress<IngestProgress>, IDisposable
{
    private readonly TextWriter _writer;
    private bool _written;

    private TerminalProgress(TextWriter writer) => _writer = writer;

    /// <summary>A progress line on <paramref name="writer"/> when standard error is a terminal, else null.</summary>
    public static TerminalProgress? Create(TextWriter writer) => Console.IsErrorRedirected ? null : new TerminalProgress(writer);

    public void Report(IngestProgress value)
    {
        _writer.Write($"\r{Path.GetFileName(value.File)}: {value.Records:N0} records, {value.RecordsPerSecond:N0} records/s   ");
        _written = true;
    }

    public void Finish()
    {
        if (_written) _writer.WriteLine();
        _written = false;
    }

    public void Dispose() => Finish();
}

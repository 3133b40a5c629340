using Digest.Core.Ingestion;

namespace Digest.Web.CommandLine;

/// <summary>Shows a long ingest's progress (records, records/s, and for a file its share read and the time left) on one terminal line; nothing when output is redirected.</summary>
public sealed class TerminalProgress : IProgress<IngestProgress>, IDisposable
{
    private readonly TextWriter _writer;
    private bool _written;

    private TerminalProgress(TextWriter writer) => _writer = writer;

    /// <summary>A progress line on <paramref name="writer"/> when standard error is a terminal, else null.</summary>
    public static TerminalProgress? Create(TextWriter writer) => Console.IsErrorRedirected ? null : new TerminalProgress(writer);

    public void Report(IngestProgress value)
    {
        var share = value.Fraction is { } fraction ? $", {fraction:P0}" : "";
        var left = value.Remaining is { } remaining ? $", {Clock(remaining)} left" : "";
        _writer.Write($"\r{Path.GetFileName(value.File)}: {value.Records:N0} records, {value.RecordsPerSecond:N0} records/s{share}{left}   ");
        _written = true;
    }

    private static string Clock(TimeSpan time) =>
        time.TotalHours >= 1 ? $"{(int)time.TotalHours}:{time.Minutes:D2}:{time.Seconds:D2}" : $"{time.Minutes}:{time.Seconds:D2}";

    public void Finish()
    {
        if (_written) _writer.WriteLine();
        _written = false;
    }

    public void Dispose() => Finish();
}

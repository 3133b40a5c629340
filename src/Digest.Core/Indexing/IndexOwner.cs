using System.Diagnostics;
using System.Globalization;

namespace Digest.Core.Indexing;

/// <summary>
/// Which process holds the index, so that a second process can say who it is instead of guessing. The owner writes
/// <c>index.owner</c> beside the lock (best effort: on a full disk the lock still works without it). The lock itself
/// says whether the holder lives, since the OS drops it with the process; this file only names the holder.
/// </summary>
/// <param name="ProcessId">The holder's process id.</param>
/// <param name="Arguments">The holder's command-line arguments after the program (empty: the web app).</param>
/// <param name="Since">When it took the index.</param>
public sealed record IndexOwner(int ProcessId, IReadOnlyList<string> Arguments, DateTimeOffset Since)
{
    private const int MaxArgumentsShown = 6;

    /// <summary>The holder as people read it, e.g. <c>process 42 (digest ingest papers.jsonl), since 2026-12-01 21:00 UTC</c>.</summary>
    public string Describe()
    {
        var command = Arguments.Count == 0 ? "the web app" : "digest " + string.Join(' ', Arguments.Take(MaxArgumentsShown)) + (Arguments.Count > MaxArgumentsShown ? " …" : "");
        return $"process {ProcessId} ({command}), since {Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
    }

    internal static void RecordThisProcess(string indexPath)
    {
        var lines = new[] { Environment.ProcessId.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }
            .Concat(Environment.GetCommandLineArgs().Skip(1).Select(a => a.ReplaceLineEndings(" ")));
        try
        {
            File.WriteAllLines(OwnerPath(indexPath), lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a name for messages; the lock is what excludes.
        }
    }

    /// <summary>The recorded holder of a locked index, or null when the record is missing, unreadable or names a process that has ended.</summary>
    public static IndexOwner? Read(string indexPath)
    {
        try
        {
            var lines = File.ReadAllLines(OwnerPath(indexPath));
            if (lines.Length < 2 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
                || !DateTimeOffset.TryParse(lines[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
                || !IsRunning(pid))
            {
                return null;
            }
            return new IndexOwner(pid, lines[2..], since);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string OwnerPath(string indexPath) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(indexPath)) + ".owner";
}

using Microsoft.Data.Sqlite;

namespace Digest.Core.Storage;

/// <summary>
/// Tells failures of the machine's storage (a full disk, an I/O error, a read-only file system) from everything else,
/// so that they are reported as one clear line instead of a stack trace, and so that a run stops cleanly on them.
/// </summary>
public static class StorageFailure
{
    // errno values the runtime puts in IOException.HResult on Linux.
    private const int NoSpaceErrno = 28;      // ENOSPC
    private const int QuotaErrno = 122;       // EDQUOT
    private const int IoErrno = 5;            // EIO
    private const int ReadOnlyErrno = 30;     // EROFS

    // SQLite primary result codes.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>Whether <paramref name="exception"/> (or an exception it wraps) is a storage failure.</summary>
    public static bool Is(Exception exception) => Find(exception) is not null;

    /// <summary>Whether the failure is a full disk (or an exhausted quota).</summary>
    public static bool IsDiskFull(Exception exception) => Find(exception) switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteFull,
        IOException e => IsNoSpace(e),
        _ => false,
    };

    /// <summary>Below this many free bytes a failing write is put down to a full disk, whatever the error says.</summary>
    private const long NearlyFullBytes = 1024 * 1024;

    /// <summary>
    /// One line for people: what failed, without a stack trace. With <paramref name="dataPath"/>, a failure on a disk
    /// that is (nearly) full says so: SQLite reports a full disk as a generic I/O error when its shared-memory file
    /// cannot grow.
    /// </summary>
    public static string Describe(Exception exception, string? dataPath = null)
    {
        var cause = Find(exception) ?? exception;
        if (IsDiskFull(cause)) return "the disk is full (no space left on the device)";
        var message = cause.Message.ReplaceLineEndings(" ").TrimEnd('.', ' ');
        if (message.Length > 300) message = message[..300] + "…";
        if (dataPath is not null && Health.DiskSpace.AvailableBytes(dataPath) is { } free && free < NearlyFullBytes)
        {
            return $"the disk is full ({Health.DiskSpace.Format(free)} free; {message})";
        }
        return message;
    }

    private static Exception? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find(inner) is { } found) return found;
                }
                return null;
            }
            if (e is SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError or SqliteReadOnly or SqliteCantOpen }) return e;
            if (e is IOException io && (IsNoSpace(io) || io.HResult is IoErrno or ReadOnlyErrno)) return e;
        }
        return null;
    }

    private static bool IsNoSpace(IOException e) =>
        e.HResult is NoSpaceErrno or QuotaErrno || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
}

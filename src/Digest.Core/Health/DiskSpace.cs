namespace Digest.Core.Health;

/// <summary>Free space on the file system of the data directory (the store, the index and uploads all live there).</summary>
public static class DiskSpace
{
    /// <summary>Bytes available to this process on the file system holding <paramref name="path"/>, or null when it cannot be read.</summary>
    public static long? AvailableBytes(string path)
    {
        try
        {
            // On Linux DriveInfo takes any path and asks statvfs for its file system.
            return new DriveInfo(Path.GetFullPath(path)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A byte count as people read it (<c>12.3 MB</c>).</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        _ => $"{bytes / 1024.0:0.0} KB",
    };
}

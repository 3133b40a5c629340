using Digest.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Digest.Web.Uploads;

/// <summary>
/// The folder uploads are copied to while they are ingested (<see cref="DigestOptions.UploadSpoolPath"/>). It is in the
/// data directory, not /tmp, so that files a crash left behind are found and deleted at the next start.
/// </summary>
public sealed class UploadSpool(IOptions<DigestOptions> options, ILogger<UploadSpool> logger)
{
    private const string Prefix = "upload-";

    /// <summary>The spool folder.</summary>
    public string Directory { get; } = options.Value.UploadSpoolPath;

    /// <summary>A new, empty spool file; its name is ours alone, nothing in it comes from the request.</summary>
    public FileStream Create(out string path)
    {
        System.IO.Directory.CreateDirectory(Directory);
        path = Path.Combine(Directory, $"{Prefix}{Guid.NewGuid():N}");
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
    }

    /// <summary>Deletes one spool file; a failure is logged, never thrown (the next start deletes it).</summary>
    public void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete the upload spool file {Path}", path);
        }
    }

    /// <summary>Deletes the spool files of uploads that never finished (the process died while ingesting them).</summary>
    public int DeleteLeftovers()
    {
        if (!System.IO.Directory.Exists(Directory)) return 0;
        var deleted = 0;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, Prefix + "*"))
        {
            Delete(path);
            deleted += File.Exists(path) ? 0 : 1;
        }
        if (deleted > 0) logger.LogInformation("Deleted {Count} upload spool files left by an interrupted upload", deleted);
        return deleted;
    }
}

namespace Digest.Core.Indexing;

/// <summary>
/// Makes the index's owner exclusive across processes: an OS lock on <c>index.lock</c> beside the index folder, held
/// for as long as the owner lives. Lucene.NET's own write lock does not exclude another process on Linux (seen in a
/// container: a CLI verb and the running app both opened writers and the index lost files). The runtime's
/// <see cref="FileShare.None"/> lock does, and the OS drops it when the process dies, so a crash or a
/// <c>docker kill</c> never leaves a stale lock behind. It lives outside the index folder, which a repair may empty.
/// </summary>
internal sealed class IndexOwnerLock : IDisposable
{
    // EWOULDBLOCK (EAGAIN) on Linux: the runtime reports a lock held elsewhere with this errno as the HResult.
    private const int LockHeldErrno = 11;

    private readonly FileStream _file;

    private IndexOwnerLock(FileStream file) => _file = file;

    /// <summary>Takes the lock for <paramref name="indexPath"/> and records this process as the owner.</summary>
    /// <exception cref="IndexLockedException">another process (or another owner in this one) holds it.</exception>
    /// <exception cref="IOException">the lock file cannot be created at all (a full disk, a read-only folder): not a lock held elsewhere.</exception>
    public static IndexOwnerLock Acquire(string indexPath)
    {
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(indexPath)) + ".lock";
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e, path))
        {
            throw new IndexLockedException(indexPath, IndexOwner.Read(indexPath), e);
        }
        IndexOwner.RecordThisProcess(indexPath);
        return new IndexOwnerLock(file);
    }

    public void Dispose() => _file.Dispose();

    private static bool IsHeldElsewhere(IOException e, string path) =>
        e.HResult == LockHeldErrno || (File.Exists(path) && e.Message.Contains("being used by another process", StringComparison.Ordinal));
}

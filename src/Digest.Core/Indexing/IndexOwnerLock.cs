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
    private readonly FileStream _file;

    private IndexOwnerLock(FileStream file) => _file = file;

    /// <summary>The lock for <paramref name="indexPath"/>, or null when another process (or owner in this one) holds it.</summary>
    public static IndexOwnerLock? TryAcquire(string indexPath)
    {
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(indexPath)) + ".lock";
        try
        {
            return new IndexOwnerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

using Lucene.Net.Store;

namespace Digest.Core.Indexing;

/// <summary>
/// The index directory: files are written as by <see cref="FSDirectory"/> and read through memory maps
/// (<see cref="MappedIndexInput"/>). Lucene.NET 4.8.0-beta00017's own choices both cost search time here:
/// its <c>MMapDirectory</c> is many times slower under concurrent search, and <c>NIOFSDirectory</c> makes a
/// locked seek-and-read system call per 1 KB buffer, which was a sixth of the CPU time of a search at 100,000 papers.
/// </summary>
public sealed class MappedFileDirectory : FSDirectory
{
    public MappedFileDirectory(DirectoryInfo path)
        : base(path, lockFactory: null)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = MappedFile.Open(Path.Combine(Directory.FullName, name));
        return new MappedIndexInput($"MappedIndexInput(path=\"{file.Path}\")", file, 0, file.Length);
    }

    /// <summary>Compound files: one mapping per file, shared by all its slices.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new MappedFileSlicer(MappedFile.Open(Path.Combine(Directory.FullName, name)));
    }
}
